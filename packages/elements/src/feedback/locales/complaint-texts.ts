import type { ComplaintCategory, ComplaintStatus } from '@kith/schema';
import type { LockedTexts, StatusTexts } from '../../internal/status.js';
import type { Texts } from '../../locales/translation.js';

/** What `<kith-feedback kind="complaint">` says (loaded with the complaint's chunk). */
export interface ComplaintTexts extends Texts, StatusTexts, LockedTexts {
  heading: string;
  /** Above the form: the promise made to every complaint. */
  promise: string;
  category: string;
  chooseCategory: string;
  categories: Record<ComplaintCategory, string>;
  subject: string;
  body: string;
  contact: string;
  contactBy: { email: string; phone: string };
  name: string;
  email: string;
  phone: string;
  optional: string;
  counter: (used: number, max: number) => string;
  required: string;
  tooLong: (max: number) => string;
  emailInvalid: string;
  phoneInvalid: string;
  /** Announced after a submit with problems. */
  correct: (count: number) => string;
  draftRestored: string;
  submit: string;
  sending: string;
  /** Received by the server. */
  thanks: string;
  /** Kept in the outbox, to be sent when the network is back. */
  queued: string;
  /** The promise with the due time, formatted ("Tuesday 25 November, 14:30"). */
  answerBy: (due: string) => string;
  /** While queued: the 24 hours start once it arrives. */
  answerWithin: string;
  statusLabel: string;
  statuses: Record<ComplaintStatus, string>;
  answeredAt: (when: string) => string;
  /** Above the shop's answer, which the shopper reads here. */
  answer: string;
  /** Without a customer token there is no way to read the complaint back here. */
  answerByContact: string;
  refresh: string;
  another: string;
  /** The server refused the complaint: why (a common reason clause). */
  refused: (reason: string) => string;
}
