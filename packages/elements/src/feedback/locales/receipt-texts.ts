import type { Texts } from '../../locales/translation.js';

/** What `<kith-feedback>` says once a review is handed over (loaded with the sending code). */
export interface ReceiptTexts extends Texts {
  thanks: string;
  /** Under the thanks: a review waits for moderation before it is shown. */
  moderated: string;
  published: string;
  verified: string;
  /** Kept in the outbox, to be sent when the network is back. */
  queued: string;
}
