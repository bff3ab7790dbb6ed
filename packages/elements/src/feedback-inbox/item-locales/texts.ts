import type { ComplaintCategory, ComplaintStatus, ModerationStatus, SurveyMetric } from '@kith/schema';
import type { Texts } from '../../locales/translation.js';

/** The status moves a complaint offers as buttons (see `statusMoves`). */
export type StatusMove = Exclude<ComplaintStatus, 'open' | 'answered'>;

/** The texts of `<kith-feedback-inbox-item>`. One object per language, one file each; only the active one is loaded. */
export interface InboxItemTexts extends Texts {
  /** What an item is, before its title in the heading. */
  kinds: { review: string; complaint: string; survey: string };
  reviewStatus: Record<ModerationStatus, string>;
  complaintStatus: Record<ComplaintStatus, string>;
  categories: Record<ComplaintCategory, string>;
  metrics: Record<SurveyMetric, string>;
  /** A review's stars for `role="img"`, e.g. "Rated 4 out of 5". */
  rated: (stars: number) => string;
  /** A survey score on its scale, both already formatted: "9 of 10". */
  score: (score: string, max: string) => string;
  /** A span of time: whole hours or minutes, already formatted ("3 h", "45 min"). */
  hours: (formatted: string) => string;
  minutes: (formatted: string) => string;
  /** A complaint's deadline line; the span or date already formatted. */
  deadline: { due: (left: string) => string; overdue: (late: string) => string; answered: (date: string) => string };
  /** The labels of an item's facts. */
  labels: {
    status: string;
    product: string;
    author: string;
    email: string;
    phone: string;
    contact: string;
    category: string;
    verified: string;
    rejectionReason: string;
    reply: string;
    answer: string;
    comment: string;
    created: string;
  };
  /** The action buttons. */
  actions: {
    publish: string;
    reject: string;
    confirmReject: string;
    reply: string;
    editReply: string;
    answer: string;
    editAnswer: string;
    send: string;
    cancel: string;
    /** The group of status buttons. */
    moves: string;
    move: Record<StatusMove, string>;
  };
  /** The form fields an action opens. */
  fields: {
    reason: string;
    reply: string;
    answer: string;
    /** Characters typed of the most allowed, both already formatted. */
    counter: (count: string, max: string) => string;
    reasonRequired: string;
    textRequired: string;
    tooLong: (max: string) => string;
  };
  /** What became of an action. */
  outcome: {
    sending: string;
    queued: string;
    conflict: string;
    failed: (reason: string) => string;
    published: string;
    rejected: string;
    replied: string;
    answered: string;
    moved: (status: string) => string;
  };
}
