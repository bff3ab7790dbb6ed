import type { Texts } from '../../locales/translation.js';

/** What `<kith-feedback kind="review">` says. */
export interface FeedbackTexts extends Texts {
  heading: string;
  /** The radio group's label. */
  rating: string;
  /** Each radio's name: "1 star", "4 stars". */
  stars: (count: number) => string;
  title: string;
  body: string;
  name: string;
  /** The e-mail field: optional, and why it is asked. */
  email: string;
  emailHint: string;
  optional: string;
  /** The honeypot's label, for the rare person whose browser shows it anyway. */
  honeypot: string;
  counter: (used: number, max: number) => string;
  required: string;
  ratingRequired: string;
  tooLong: (max: number) => string;
  emailInvalid: string;
  /** Announced when a submit stops at the fields: how many to correct. */
  correct: (count: number) => string;
  submit: string;
  sending: string;
  draftRestored: string;
  /** The server refused the review: why (a common reason clause), and that the text is kept. */
  refused: (reason: string) => string;
  /** Kith is not set up on this page (no product, no key): the form cannot send. */
  notConfigured: string;
  /** Why a review could not be handed over when even the sending code could not load (offline). */
  unreachable: string;
}
