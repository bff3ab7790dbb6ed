import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Complaint, Review, Survey } from '@kith/schema';
import { actionsOf, deadlineOf, span, statusMoves, withReply, withStatus } from './inbox-item.model.js';

const HOUR = 3_600_000;
const MINUTE = 60_000;
const DUE = Date.parse('2026-05-02T12:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

function complaint(status: Complaint['status'] = 'open', answeredAt: string | null = null): Complaint {
  return {
    kind: 'complaint', id: 'c', customerId: null, category: 'delivery', subject: 's', body: 'b',
    contact: { name: 'A', email: 'a@example.com', phone: null }, status, dueAt: iso(DUE), answeredAt, reply: null,
    createdAt: iso(DUE - 24 * HOUR), updatedAt: iso(DUE - 24 * HOUR),
  };
}

const review = (status: Review['status']): Review => ({
  kind: 'review', id: 'r', productId: 'p', customerId: null, rating: 4, title: 't', body: 'b', authorName: 'A', email: null,
  language: 'en', verifiedPurchase: false, status, rejectionReason: status === 'rejected' ? 'spam' : null, reply: null,
  createdAt: iso(DUE), updatedAt: iso(DUE),
});

describe('span', () => {
  it('counts whole hours from one hour up, floored', () => {
    assert.deepEqual(span(HOUR), { amount: 1, unit: 'hour' });
    assert.deepEqual(span(3 * HOUR - 1), { amount: 2, unit: 'hour' });
    assert.deepEqual(span(26 * HOUR + 59 * MINUTE), { amount: 26, unit: 'hour' });
  });
  it('counts whole minutes under an hour, floored, at least one', () => {
    assert.deepEqual(span(HOUR - 1), { amount: 59, unit: 'minute' });
    assert.deepEqual(span(45 * MINUTE + 59_999), { amount: 45, unit: 'minute' });
    assert.deepEqual(span(59_999), { amount: 1, unit: 'minute' });
    assert.deepEqual(span(0), { amount: 1, unit: 'minute' });
  });
});

describe('deadlineOf', () => {
  it('is due before the deadline, in hours then minutes', () => {
    assert.deepEqual(deadlineOf(complaint(), DUE - 3 * HOUR), { state: 'due', left: { amount: 3, unit: 'hour' } });
    assert.deepEqual(deadlineOf(complaint('in_progress'), DUE - 45 * MINUTE), { state: 'due', left: { amount: 45, unit: 'minute' } });
  });
  it('is still due (1 min) at the deadline itself, as isOverdue says', () => {
    assert.deepEqual(deadlineOf(complaint(), DUE), { state: 'due', left: { amount: 1, unit: 'minute' } });
  });
  it('is overdue after the deadline', () => {
    assert.deepEqual(deadlineOf(complaint(), DUE + 2 * HOUR + 30 * MINUTE), { state: 'overdue', late: { amount: 2, unit: 'hour' } });
    assert.deepEqual(deadlineOf(complaint(), DUE + 1), { state: 'overdue', late: { amount: 1, unit: 'minute' } });
  });
  it('is settled once answered, resolved or closed, whatever the clock', () => {
    const at = iso(DUE - HOUR);
    assert.deepEqual(deadlineOf(complaint('answered', at), DUE + 9 * HOUR), { state: 'settled', answeredAt: at, status: 'answered' });
    assert.deepEqual(deadlineOf(complaint('resolved', at), DUE - 9 * HOUR), { state: 'settled', answeredAt: at, status: 'resolved' });
    assert.deepEqual(deadlineOf(complaint('closed'), DUE + HOUR), { state: 'settled', answeredAt: null, status: 'closed' });
    assert.deepEqual(deadlineOf(complaint('in_progress', at), DUE + HOUR), { state: 'settled', answeredAt: at, status: 'in_progress' });
  });
});

describe('statusMoves and actionsOf', () => {
  it('offers forward moves only, never answered (the Answer action gets there)', () => {
    assert.deepEqual(statusMoves('open'), ['in_progress', 'resolved', 'closed']);
    assert.deepEqual(statusMoves('in_progress'), ['resolved', 'closed']);
    assert.deepEqual(statusMoves('answered'), ['resolved', 'closed']);
    assert.deepEqual(statusMoves('resolved'), ['closed']);
    assert.deepEqual(statusMoves('closed'), []);
  });
  it('offers what each kind and status allows', () => {
    assert.deepEqual(actionsOf(review('pending')), ['publish', 'reject', 'reply']);
    assert.deepEqual(actionsOf(review('published')), ['reject', 'reply']);
    assert.deepEqual(actionsOf(review('rejected')), ['publish', 'reply']);
    assert.deepEqual(actionsOf(complaint()), ['answer', 'status']);
    assert.deepEqual(actionsOf(complaint('resolved', iso(DUE))), ['answer', 'status']);
    assert.deepEqual(actionsOf(complaint('closed')), []);
    const survey: Survey = { kind: 'survey', id: 's', customerId: null, metric: 'nps', score: 9, comment: null, createdAt: iso(DUE) };
    assert.deepEqual(actionsOf(survey), []);
  });
});

describe('the local copy of a queued write', () => {
  const now = DUE + HOUR;
  it('a reply sets the review\'s reply', () => {
    const after = withReply(review('published'), 'Thanks', now);
    assert.ok(after.kind === 'review');
    assert.deepEqual(after.reply, { body: 'Thanks', staffId: null, repliedAt: iso(now) });
  });
  it('an answer makes a waiting complaint answered and keeps the first answer time', () => {
    const answered = withReply(complaint('in_progress'), 'Sorry', now);
    assert.ok(answered.kind === 'complaint');
    assert.equal(answered.status, 'answered');
    assert.equal(answered.answeredAt, iso(now));
    const again = withReply(complaint('resolved', iso(DUE)), 'More', now);
    assert.ok(again.kind === 'complaint');
    assert.equal(again.status, 'resolved');
    assert.equal(again.answeredAt, iso(DUE));
  });
  it('a status move sets answeredAt only for answered and resolved', () => {
    assert.equal(withStatus(complaint(), 'resolved', now).answeredAt, iso(now));
    assert.equal(withStatus(complaint(), 'in_progress', now).answeredAt, null);
    assert.equal(withStatus(complaint(), 'closed', now).status, 'closed');
  });
});
