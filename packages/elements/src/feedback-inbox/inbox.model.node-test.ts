import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Complaint, Feedback, Review } from '@kith/schema';
import { InboxList } from './inbox-list.js';
import { arrivals, DEFAULT_FILTERS, mergeItems, NOTHING_SEEN, orderComplaints, orderInPlace, queryOf, see, viewOf, withActed } from './inbox.model.js';

const HOUR = 3_600_000;
const T0 = Date.parse('2026-05-01T12:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

/** A complaint made `ageHours` before T0 (due 24 h after it was made). */
function complaint(id: string, ageHours: number, status: Complaint['status'] = 'open'): Complaint {
  const created = T0 - ageHours * HOUR;
  const answered = status === 'answered' || status === 'resolved';
  return {
    kind: 'complaint', id, customerId: null, category: 'delivery', subject: id, body: id,
    contact: { name: 'A', email: 'a@example.com', phone: null }, status,
    dueAt: iso(created + 24 * HOUR), answeredAt: answered ? iso(created + HOUR) : null, reply: null,
    createdAt: iso(created), updatedAt: iso(created),
  };
}

function review(id: string, createdAt: number, status: Review['status'] = 'pending'): Review {
  return {
    kind: 'review', id, productId: 'p', customerId: null, rating: 4, title: id, body: id, authorName: 'A', email: null,
    language: 'en', verifiedPurchase: false, status, rejectionReason: null, reply: null, createdAt: iso(createdAt), updatedAt: iso(createdAt),
  };
}

const ids = (items: readonly Feedback[]) => items.map((item) => item.id);

describe('inbox.model', () => {
  it('reads each view with its filters; results lists nothing', () => {
    assert.deepEqual(queryOf('reviews', DEFAULT_FILTERS), { kind: 'review', status: 'pending' });
    assert.deepEqual(queryOf('complaints', DEFAULT_FILTERS), { kind: 'complaint' });
    assert.deepEqual(queryOf('complaints', { ...DEFAULT_FILTERS, complaintStatus: 'open', overdueOnly: true }), { kind: 'complaint', status: 'open', overdue: true });
    assert.deepEqual(queryOf('surveys', DEFAULT_FILTERS), { kind: 'survey' });
    assert.equal(queryOf('results', DEFAULT_FILTERS), undefined);
    assert.deepEqual(queryOf('surveys', DEFAULT_FILTERS, 5), { kind: 'survey', limit: 5 });
    assert.deepEqual(queryOf('surveys', DEFAULT_FILTERS, 500), { kind: 'survey' });
    assert.equal(queryOf('results', DEFAULT_FILTERS, 5), undefined);
    assert.equal(viewOf('complaints'), 'complaints');
    assert.equal(viewOf('inbox'), undefined);
    assert.equal(viewOf(null), undefined);
  });

  it('orders complaints: most overdue first, then waiting by due time, then settled newest first', () => {
    const items = [
      complaint('settled-old', 40, 'resolved'),
      complaint('due-later', 2),
      complaint('overdue-1h', 25),
      complaint('settled-new', 10, 'answered'),
      complaint('due-soon', 20, 'in_progress'),
      complaint('overdue-5h', 29),
      complaint('closed-late', 50, 'closed'),
    ];
    assert.deepEqual(ids(orderComplaints(items, T0)), ['overdue-5h', 'overdue-1h', 'due-soon', 'due-later', 'settled-new', 'settled-old', 'closed-late']);
  });

  it('re-orders on a later clock: a complaint turns overdue and moves up', () => {
    const items = [complaint('a', 10), complaint('b', 23)];
    assert.deepEqual(ids(orderComplaints(items, T0)), ['b', 'a']);
    // 15 h later both are overdue: b by 14 h, a by 1 h.
    assert.deepEqual(ids(orderComplaints(items, T0 + 15 * HOUR)), ['b', 'a']);
    // At its due time exactly a complaint is due, not late (isOverdue).
    const edge = [complaint('waiting', 1), complaint('at-due', 24)];
    assert.deepEqual(ids(orderComplaints(edge, T0)), ['at-due', 'waiting']);
    const mixed = [complaint('answered', 30, 'answered'), complaint('late', 30)];
    assert.deepEqual(ids(orderComplaints(mixed, T0)), ['late', 'answered']);
  });

  it('keeps other kinds after complaints in the order given', () => {
    const items: Feedback[] = [review('r1', T0), complaint('c', 1), review('r2', T0 - HOUR)];
    assert.deepEqual(ids(orderComplaints(items, T0)), ['c', 'r1', 'r2']);
  });

  it('ranks a complaint acted on as it was before the action, so it stays in place', () => {
    const late = complaint('late', 30);
    const items = [late, complaint('waiting', 2)];
    const answered: Complaint = { ...late, status: 'answered', answeredAt: iso(T0), updatedAt: iso(T0) };
    assert.deepEqual(ids(orderComplaints([answered, complaint('waiting', 2)], T0)), ['waiting', 'late']);
    const inPlace = orderInPlace([answered, complaint('waiting', 2)], T0, new Map([['late', late]]));
    assert.deepEqual(ids(inPlace), ['late', 'waiting']);
    assert.equal(inPlace[0]?.kind === 'complaint' && inPlace[0].status, 'answered');
    assert.deepEqual(ids(orderInPlace(items, T0, new Map())), ['late', 'waiting']);
  });

  it('merges pages, each item once', () => {
    assert.deepEqual(ids(mergeItems([review('a', T0), review('b', T0)], [review('b', T0), review('c', T0)])), ['a', 'b', 'c']);
  });

  it('tells arrivals: never seen and newer than anything seen; nothing on the first page', () => {
    const first = [review('a', T0), review('b', T0 - HOUR)];
    assert.deepEqual(arrivals(NOTHING_SEEN, first), []);
    const seen = see(NOTHING_SEEN, first);
    const again = [review('new', T0 + HOUR), review('a', T0), review('b', T0 - HOUR), review('moved-up', T0 - 2 * HOUR)];
    assert.deepEqual(ids(arrivals(seen, again)), ['new']);
    assert.deepEqual(arrivals(see(seen, again), again), []);
  });

  it('replaces an item acted on in place, and keeps it where it was once it leaves the list', () => {
    const a = review('a', T0);
    const b = review('b', T0 - HOUR);
    const c = review('c', T0 - 2 * HOUR);
    const published: Review = { ...b, status: 'published', updatedAt: iso(T0 + HOUR) };
    const acted = new Map<string, Feedback>([['b', published]]);
    // The server has not answered the new version yet: the local copy shows.
    assert.deepEqual(withActed([a, b, c], [a, b, c], acted).map((item) => item.kind === 'review' && item.status), ['pending', 'published', 'pending']);
    // The refetched "pending" list no longer holds it: it stays in its place.
    assert.deepEqual(ids(withActed([a, b, c], [a, c], acted)), ['a', 'b', 'c']);
    // A newer server copy wins over the local one.
    const replied: Review = { ...published, reply: { body: 'Thanks', staffId: null, repliedAt: iso(T0 + 2 * HOUR) }, updatedAt: iso(T0 + 2 * HOUR) };
    const shown = withActed([a, b, c], [a, replied, c], acted)[1];
    assert.equal(shown?.kind === 'review' && shown.reply?.body, 'Thanks');
    assert.deepEqual(ids(withActed([a], [a, c], new Map())), ['a', 'c']);
  });

  it('keeps the books of one list: arrivals marked, pages read later, items pushed down, items acted on', () => {
    const list = new InboxList();
    const [a, b, c, d] = [review('a', T0), review('b', T0 - HOUR), review('c', T0 - 2 * HOUR), review('d', T0 - 3 * HOUR)];
    assert.deepEqual(list.noteFirst('k', { items: [a, b], next: 'cursor-1' }), []);
    assert.equal(list.next({ items: [a, b], next: 'cursor-1' }), 'cursor-1');
    list.addMore('k', { items: [c, d], next: null });
    list.addMore('another list', { items: [review('x', T0)], next: 'x' });
    assert.deepEqual(ids(list.items({ items: [a, b], next: 'cursor-1' }, false, T0)), ['a', 'b', 'c', 'd']);
    assert.equal(list.next({ items: [a, b], next: 'cursor-1' }), null);
    // A review arrives: it is new; b, pushed off the first page, stays ahead of c.
    const fresh = review('new', T0 + HOUR);
    assert.deepEqual(ids(list.noteFirst('k', { items: [fresh, a], next: 'cursor-2' })), ['new']);
    assert.deepEqual([...list.fresh], ['new']);
    assert.deepEqual(ids(list.items({ items: [fresh, a], next: 'cursor-2' }, false, T0)), ['new', 'a', 'b', 'c', 'd']);
    // Published here: shown in its place, also once the server's pending list drops it.
    list.acted({ ...a, status: 'published', updatedAt: iso(T0 + 2 * HOUR) });
    const shown = list.items({ items: [fresh], next: 'cursor-2' }, false, T0);
    assert.deepEqual(ids(shown), ['new', 'a', 'b', 'c', 'd']);
    assert.equal(shown[1]?.kind === 'review' && shown[1].status, 'published');
    // Another list: the books start afresh.
    assert.deepEqual(list.noteFirst('other', { items: [c], next: null }), []);
    assert.equal(list.fresh.size, 0);
    assert.deepEqual(ids(list.items({ items: [c], next: null }, false, T0)), ['c']);
  });
});
