// The pure rules of one inbox item: a complaint's deadline line, the status moves offered, and the
// local copy of an item once a queued write is delivered. No DOM, no clock of its own: `now` is given.
import { ComplaintStatus, isOverdue, type Complaint, type Feedback } from '@kith/schema';

const HOUR = 3_600_000;
const MINUTE = 60_000;

/** A span of time as shown: whole hours from one hour up, else whole minutes (at least one). */
export interface Span {
  amount: number;
  unit: 'hour' | 'minute';
}

/** What a complaint's deadline line says at a moment. */
export type Deadline =
  | { state: 'due'; left: Span }
  | { state: 'overdue'; late: Span }
  /** Answered (`answeredAt`), or moved on without a written answer (closed as a duplicate, say). */
  | { state: 'settled'; answeredAt: string | null; status: ComplaintStatus };

/** `ms` as hours (floor) when at least an hour, else minutes (floor, at least 1). */
export function span(ms: number): Span {
  const abs = Math.max(0, ms);
  return abs >= HOUR ? { amount: Math.floor(abs / HOUR), unit: 'hour' } : { amount: Math.max(1, Math.floor(abs / MINUTE)), unit: 'minute' };
}

/** The deadline line of a complaint at `now` (epoch ms): overdue per `isOverdue`, due while still waiting, else settled. */
export function deadlineOf(complaint: Pick<Complaint, 'status' | 'dueAt' | 'answeredAt'>, now: number): Deadline {
  const waiting = (complaint.status === 'open' || complaint.status === 'in_progress') && complaint.answeredAt === null;
  if (!waiting) return { state: 'settled', answeredAt: complaint.answeredAt, status: complaint.status };
  const due = Date.parse(complaint.dueAt);
  return isOverdue(complaint, new Date(now)) ? { state: 'overdue', late: span(now - due) } : { state: 'due', left: span(due - now) };
}

/**
 * The path a complaint moves along, in order (the server's `COMPLAINT_PATH` is the same order):
 * it only ever moves forward.
 */
const PATH: readonly ComplaintStatus[] = ComplaintStatus.options;

/**
 * The status moves a button offers from `status`: forward only. `answered` is not among them: the
 * Answer action gets there, with the words the shopper reads.
 */
export function statusMoves(status: ComplaintStatus): ComplaintStatus[] {
  const at = PATH.indexOf(status);
  return PATH.filter((next, index) => index > at && next !== 'answered');
}

/** An action on an item, as the event names it. */
export type ItemAction = 'publish' | 'reject' | 'reply' | 'answer' | 'status';

/** The actions an item offers: a review's moderation and reply, a complaint's answer and moves; a survey answer has none. */
export function actionsOf(item: Feedback): ItemAction[] {
  if (item.kind === 'review') {
    return [...(item.status === 'published' ? [] : ['publish' as const]), ...(item.status === 'rejected' ? [] : ['reject' as const]), 'reply'];
  }
  if (item.kind === 'complaint') return item.status === 'closed' ? [] : ['answer', ...(statusMoves(item.status).length > 0 ? ['status' as const] : [])];
  return [];
}

/**
 * The item as it will be once a queued reply or answer is delivered, by the server's rules
 * (`reply` in the server's feedback/moderate.ts): a complaint's first answer sets `answeredAt`,
 * and an open or in-progress one becomes `answered`.
 */
export function withReply(item: Feedback, body: string, now: number): Feedback {
  const at = new Date(now).toISOString();
  const reply = { body, staffId: null, repliedAt: at };
  if (item.kind === 'review') return { ...item, reply, updatedAt: at };
  if (item.kind === 'complaint') {
    const waiting = item.status === 'open' || item.status === 'in_progress';
    return { ...item, reply, status: waiting ? 'answered' : item.status, answeredAt: item.answeredAt ?? at, updatedAt: at };
  }
  return item;
}

/** A complaint as it will be once a queued status move is delivered: `answered` and `resolved` set `answeredAt` if unset. */
export function withStatus(item: Complaint, status: ComplaintStatus, now: number): Complaint {
  const at = new Date(now).toISOString();
  const answers = status === 'answered' || status === 'resolved';
  return { ...item, status, answeredAt: answers ? (item.answeredAt ?? at) : item.answeredAt, updatedAt: at };
}
