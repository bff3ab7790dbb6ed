import { expect } from '@open-wc/testing';
import type { Interaction } from '@kith/schema';
import { dayKey, dayKind, groupByMonthAndDay, mergePages, previousDayKey, relativeTime } from './timeline.model.js';

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

  it('groups newest-first items by day inside months', () => {
    const items = [
      item('a', '2026-03-15T10:00:00.000Z'), item('b', '2026-03-15T08:00:00.000Z'),
      item('c', '2026-03-02T10:00:00.000Z'), item('d', '2026-02-27T10:00:00.000Z'),
    ];
    const months = groupByMonthAndDay(items, 'UTC');
    expect(months.map((m) => m.key)).to.deep.equal(['2026-03', '2026-02']);
    expect(months[0]?.days.map((d) => [d.key, d.items.map((i) => i.id)])).to.deep.equal([['2026-03-15', ['a', 'b']], ['2026-03-02', ['c']]]);
    expect(months[1]?.days.map((d) => d.key)).to.deep.equal(['2026-02-27']);
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
