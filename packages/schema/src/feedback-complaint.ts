import * as z from 'zod/mini';
import { Email, Id, Phone, Timestamp, longText, shortText } from './common.js';
import { ReviewReply } from './review-basics.js';

/** `answered` means the shop has replied; `resolved` that the problem is fixed; `closed` is final. */
export const ComplaintStatus = z.enum(['open', 'in_progress', 'answered', 'resolved', 'closed']);
export type ComplaintStatus = z.infer<typeof ComplaintStatus>;

/** What a complaint is about, for routing and the "performance by product, channel" analysis. */
export const ComplaintCategory = z.enum(['product', 'delivery', 'service', 'billing', 'other']);
export type ComplaintCategory = z.infer<typeof ComplaintCategory>;

/** Every complaint gets an answer within this many hours (the public promise). */
export const COMPLAINT_ANSWER_HOURS = 24;

/**
 * The answer deadline of a complaint made at `createdAt`. Counted in elapsed hours, not
 * "the same time tomorrow" on a local clock, so a daylight-saving change never moves it.
 */
export function complaintDueAt(createdAt: Date): Date {
  return new Date(createdAt.getTime() + COMPLAINT_ANSWER_HOURS * 3_600_000);
}

/** How to reach the person who complained; an answer needs an e-mail address or a phone. */
export const ComplaintContact = z
  .strictObject({
    name: shortText(80),
    email: z.nullable(Email),
    phone: z.nullable(Phone),
  })
  .check(
    z.refine((contact) => contact.email !== null || contact.phone !== null, {
      message: 'Give an e-mail address or a phone number',
      path: ['email'],
    }),
  );
export type ComplaintContact = z.infer<typeof ComplaintContact>;

/** Statuses in which the shop has given its answer, so `answeredAt` must be set. */
const ANSWERED: ReadonlySet<ComplaintStatus> = new Set(['answered', 'resolved']);

// Unrefined, so `NewComplaint` can be picked from it.
const complaintShape = z.strictObject({
  kind: z.literal('complaint'),
  id: Id,
  /** The customer when known; a shopper may complain with a publishable key only. */
  customerId: z.nullable(Id),
  category: ComplaintCategory,
  subject: shortText(150),
  body: longText(5000),
  contact: ComplaintContact,
  status: ComplaintStatus,
  /** `complaintDueAt(createdAt)`, stored so overdue complaints sort first in one index scan. */
  dueAt: Timestamp,
  /** The first answer; it stays set if the conversation goes on. */
  answeredAt: z.nullable(Timestamp),
  /**
   * The shop's latest answer, which the customer who complained reads with the complaint
   * (a later answer replaces it here; each one also stays in the timeline and audit log).
   * Null until answered in writing: a complaint answered by phone has `answeredAt` only.
   */
  reply: z.nullable(ReviewReply),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

/** A complaint: answered within `COMPLAINT_ANSWER_HOURS`, overdue ones surface first. */
export const Complaint = complaintShape.check(
  z.refine((complaint) => !ANSWERED.has(complaint.status) || complaint.answeredAt !== null, {
    message: 'An answered or resolved complaint has an answer time',
    path: ['answeredAt'],
  }),
);
export type Complaint = z.infer<typeof Complaint>;

/**
 * Whether a complaint has missed its deadline at `now`: still open or in progress, never
 * answered, and past `dueAt` (at `dueAt` itself it is due, not late). A complaint closed
 * without an answer (a duplicate, spam) is not overdue. `now` is a
 * parameter so the function stays pure and testable.
 */
export function isOverdue(complaint: Pick<Complaint, 'status' | 'dueAt' | 'answeredAt'>, now: Date): boolean {
  const waiting = complaint.status === 'open' || complaint.status === 'in_progress';
  return waiting && complaint.answeredAt === null && now.getTime() > Date.parse(complaint.dueAt);
}

/** What a shopper submits; status, deadline and customer are the server's to set. */
export const NewComplaint = z.pick(complaintShape, {
  kind: true,
  category: true,
  subject: true,
  body: true,
  contact: true,
});
export type NewComplaint = z.infer<typeof NewComplaint>;
