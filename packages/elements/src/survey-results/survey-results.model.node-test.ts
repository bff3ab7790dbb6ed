// The periods of <kith-survey-results> in the viewer's time zone. Node reads `TZ` again when it
// changes, so each block sets its zone (a DST one included) and restores the runner's after.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { npsGroupOf, scaleMax, share } from './survey-figures.model.js';
import { customRange, dayString, lastDay, newAnswers, parseDay, presetRange, resultsQuery } from './survey-results.model.js';

const zone = process.env['TZ'];
const inZone = (tz: string) => {
  before(() => void (process.env['TZ'] = tz));
  after(() => {
    if (zone === undefined) delete process.env['TZ'];
    else process.env['TZ'] = zone;
  });
};
const days = (range: { from: Date; to: Date }) => [dayString(range.from), dayString(range.to)];

describe('survey results periods in Shanghai (UTC+8, no DST)', () => {
  inZone('Asia/Shanghai');
  // 24 Nov 2026, 01:30 in Shanghai: still 23 Nov in UTC.
  const now = Date.parse('2026-11-23T17:30:00Z');

  it('presets end at the midnight after today (exclusive) and start on the first local day', () => {
    assert.deepEqual(days(presetRange('7d', now)), ['2026-11-18', '2026-11-25']);
    assert.deepEqual(days(presetRange('30d', now)), ['2026-10-26', '2026-11-25']);
    assert.deepEqual(days(presetRange('90d', now)), ['2026-08-27', '2026-11-25']);
    assert.deepEqual(days(presetRange('12m', now)), ['2025-11-25', '2026-11-25']);
  });

  it('the query carries the local midnights as instants', () => {
    assert.deepEqual(resultsQuery('nps', presetRange('7d', now)), { metric: 'nps', from: '2026-11-17T16:00:00.000Z', to: '2026-11-24T16:00:00.000Z' });
  });

  it('the last 12 months of 29 February start on 1 March a year before, and fit the API (366 days)', () => {
    const leap = presetRange('12m', new Date(2028, 1, 29, 12).getTime());
    assert.deepEqual(days(leap), ['2027-03-01', '2028-03-01']);
    assert.deepEqual(days(presetRange('12m', new Date(2028, 2, 1, 12).getTime())), ['2027-03-02', '2028-03-02']);
    assert.equal(customRange(dayString(leap.from), dayString(lastDay(leap))).problem, undefined);
  });
});

describe('survey results periods in New York (DST)', () => {
  inZone('America/New_York');

  it('a preset across the change of clocks still starts and ends at local midnights', () => {
    // 5 Nov 2026 noon; clocks went back on 1 Nov.
    const range = presetRange('7d', new Date(2026, 10, 5, 12).getTime());
    assert.deepEqual(days(range), ['2026-10-30', '2026-11-06']);
    assert.equal(range.from.getHours(), 0);
    assert.equal(range.to.getTime() - range.from.getTime(), 7 * 86_400_000 + 3_600_000, 'a 25-hour day inside');
  });

  it('a custom period includes both days; the end before the start, a missing or impossible date, or over 366 days is refused', () => {
    const { range } = customRange('2026-11-01', '2026-11-30');
    assert.ok(range);
    assert.deepEqual(days(range), ['2026-11-01', '2026-12-01']);
    assert.equal(dayString(lastDay(range)), '2026-11-30');
    assert.deepEqual(days(customRange('2026-11-05', '2026-11-05').range ?? { from: new Date(0), to: new Date(0) }), ['2026-11-05', '2026-11-06']);
    assert.equal(customRange('2026-11-30', '2026-11-01').problem, 'order');
    assert.equal(customRange('', '2026-11-01').problem, 'missing');
    assert.equal(customRange('2026-02-31', '2026-03-01').problem, 'missing');
    assert.equal(customRange('2025-01-01', '2026-01-01').problem, undefined, '366 days');
    assert.equal(customRange('2025-01-01', '2026-01-02').problem, 'tooLong');
  });
});

describe('survey results figures', () => {
  it('reads only whole dates', () => {
    assert.equal(parseDay('2026-1-1'), undefined);
    assert.equal(parseDay(undefined), undefined);
    assert.equal(dayString(parseDay('0999-12-31') ?? new Date(0)), '0999-12-31');
  });

  it('groups NPS scores as the schema does and shares bars of a total', () => {
    assert.deepEqual([10, 9, 8, 7, 6, 0].map(npsGroupOf), ['promoters', 'promoters', 'passives', 'passives', 'detractors', 'detractors']);
    assert.equal(share(5, 10), 0.5);
    assert.equal(share(0, 0), 0);
    assert.deepEqual([scaleMax('nps'), scaleMax('csat'), scaleMax('ces')], [10, 5, 7]);
  });

  it('counts new answers only between two reads of the same metric and period', () => {
    const read = { metric: 'nps', from: 'a', to: 'b', count: 10 };
    assert.equal(newAnswers(read, { ...read, count: 12 }), 2);
    assert.equal(newAnswers(undefined, read), 0);
    assert.equal(newAnswers(read, { ...read, to: 'c', count: 12 }), 0);
    assert.equal(newAnswers(read, { ...read, metric: 'csat', count: 12 }), 0);
    assert.equal(newAnswers(read, { ...read, count: 9 }), 0);
  });
});
