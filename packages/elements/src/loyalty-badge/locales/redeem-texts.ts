import type { Texts } from '../../locales/translation.js';

/** The redeem form's texts: loaded with the form, which a compact badge or a staff page never shows. */
export interface LoyaltyRedeemTexts extends Texts {
  title: string;
  points: string;
  /** Under the points field: "You have 1,180 points." */
  available: (formatted: string, count: number) => string;
  note: string;
  submit: string;
  sending: string;
  sent: (formatted: string, count: number) => string;
  /** Stored in the outbox (offline, server down): it will be sent. */
  queued: string;
  /** Refused: the server's own message follows. */
  failed: (message: string) => string;
  invalid: string;
  tooMany: (formatted: string, count: number) => string;
}
