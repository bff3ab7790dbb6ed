import { expect } from '@open-wc/testing';
import type { Interaction } from '@kith/schema';
import { mergePages } from './timeline-feed.js';
import { matchesFilters, queryOf } from './timeline-filters.model.js';
import { dayKey, dayKind, headingsAt, NO_FILTERS, previousDayKey, relativeTime } from './timeline.model.js';

const item = (id: string, occurredAt: string): Interaction => ({
  id, customerId: 'c', channel: 'phone', type: 'call', direction: 'outbound', phase: 'sale', summary: id, body: null, staffId: null,
  occurredAt, createdAt: occurredAt,
});

describe('timeline.model', () => {
  it('keys days in the given time zone', () => {
    expect(dayKey('2026-03-01T02:00:00.000Z', 'UTC')).to.equal('2026-03-01');
    expect(dayKey('2026-03-01T02:00:00.000Z', 'America/New_York')).to.equal('2026-02-28');
    expect(dayKey('2026-02-28T20:00:00.000Z', 'Asia/Shanghai')).to.equal('2026-03-01');
  });

  it('finds the day before across months and years', () => {
    expect(previousDayKey('2026-03-01')).to.equal('2026-02-28');
    expect(previousDayKey('2026-01-01')).to.equal('2025-12-31');
  });

  it('opens each month and each day of a newest-first list with its headings, and nothing else', () => {
    const items = [
      item('a', '2026-03-15T10:00:00.000Z'), item('b', '2026-03-15T08:00:00.000Z'),
      item('c', '2026-03-02T10:00:00.000Z'), item('d', '2026-02-27T10:00:00.000Z'),
    ];
    expect(items.map((_, i) => headingsAt(items, i, 'UTC'))).to.deep.equal([
      { month: '2026-03', day: '2026-03-15' }, {}, { day: '2026-03-02' }, { month: '2026-02', day: '2026-02-27' },
    ]);
    expect(headingsAt(items, 4, 'UTC')).to.deep.equal({});
  });

  it('leaves empty filters out of the query, and matches a written interaction like the server would', () => {
    expect(queryOf(NO_FILTERS)).to.deep.equal({});
    expect(queryOf({ ...NO_FILTERS, channel: ['phone'], q: 'late' })).to.deep.equal({ channel: ['phone'], q: 'late' });
    const note = { channel: 'web', type: 'note', direction: 'internal', phase: 'sale', summary: 'Late Delivery', body: null } as const;
    expect(matchesFilters(note, NO_FILTERS)).to.equal(true);
    expect(matchesFilters(note, { ...NO_FILTERS, q: 'delivery' })).to.equal(true);
    expect(matchesFilters(note, { ...NO_FILTERS, type: ['call'] })).to.equal(false);
    expect(matchesFilters(note, { ...NO_FILTERS, phase: ['sale'], channel: ['web'] })).to.equal(true);
  });

  it('merges pages once each, newest first', () => {
    const merged = mergePages([[item('a', '2026-03-15T10:00:00.000Z'), item('b', '2026-03-14T10:00:00.000Z')], [item('b', '2026-03-14T10:00:00.000Z'), item('c', '2026-03-16T10:00:00.000Z')]]);
    expect(merged.map((i) => i.id)).to.deep.equal(['c', 'a', 'b']);
  });

  it('tells today and yesterday', () => {
    const now = Date.parse('2026-03-15T12:00:00.000Z');
    expect(dayKind('2026-03-15', now, 'UTC')).to.equal('today');
    expect(dayKind('2026-03-14', now, 'UTC')).to.equal('yesterday');
    expect(dayKind('2026-03-13', now, 'UTC')).to.equal('other');
  });

  it('picks the largest relative unit', () => {
    const now = Date.parse('2026-03-15T12:00:00.000Z');
    expect(relativeTime('2026-03-15T11:59:30.000Z', now)).to.deep.equal({ value: -30, unit: 'second' });
    expect(relativeTime('2026-03-15T09:00:00.000Z', now)).to.deep.equal({ value: -3, unit: 'hour' });
    expect(relativeTime('2026-03-12T12:00:00.000Z', now)).to.deep.equal({ value: -3, unit: 'day' });
    expect(relativeTime('2025-03-01T12:00:00.000Z', now)).to.deep.equal({ value: -1, unit: 'year' });
  });
});
