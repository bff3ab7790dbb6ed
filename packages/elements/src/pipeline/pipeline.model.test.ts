import { expect } from '@open-wc/testing';
import type { Opportunity, Stage } from '@kith/schema';
import { forecastOf, totalsOf } from './board-totals.js';
import { boardStatus, byRank, columnsOf } from './pipeline.model.js';

let n = 0;
function deal(fields: Partial<Opportunity> = {}): Opportunity {
  n++;
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, pipelineId: 'p', stageId: 's1', customerId: 'c', title: `Deal ${n}`,
    amount: { amount: 1000 * n, currency: 'EUR' }, expectedClose: null, ownerId: null, rank: 'a0', version: 1,
    createdAt: '2027-01-01T00:00:00.000Z', updatedAt: '2027-01-01T00:00:00.000Z', ...fields,
  };
}
const stage = (id: string, position: number, probability = 5000): Stage => ({ id, pipelineId: 'p', name: id, position, probability, kind: 'open' });

describe('pipeline model', () => {
  it('forecast: Σ amount × probability / 10,000, rounded once, half up, exact beyond 2^53', () => {
    expect(forecastOf(12_345, 2_500)).to.equal(3_086); // 3,086.25
    expect(forecastOf(2, 2_500)).to.equal(1); // 0.5 rounds up
    expect(forecastOf(1, 4_999)).to.equal(0);
    expect(forecastOf(999_999_999_999_999, 7_500)).to.equal(749_999_999_999_999); // 749,999,999,999,999.25
    expect(forecastOf(5_000, 10_000)).to.equal(5_000);
    expect(forecastOf(5_000, 0)).to.equal(0);
  });

  it('totals are the SUM of the amounts (not the smallest, not the count) and one rounding per column', () => {
    const deals = [deal({ amount: { amount: 1_001, currency: 'EUR' } }), deal({ amount: { amount: 2_003, currency: 'EUR' } }), deal({ amount: { amount: 5, currency: 'EUR' } })];
    const totals = totalsOf(deals, 2_500, 'EUR');
    expect(totals).to.deep.equal({ count: 3, amount: { amount: 3_009, currency: 'EUR' }, forecast: { amount: 752, currency: 'EUR' } });
    // Rounded per card it would be 250 + 501 + 1 = 752 here; per column 752.25 → 752, and per card can differ:
    expect(totalsOf([deal({ amount: { amount: 2, currency: 'EUR' } }), deal({ amount: { amount: 2, currency: 'EUR' } })], 2_500, 'EUR').forecast.amount).to.equal(1);
    expect(totalsOf([], 5_000, 'JPY')).to.deep.equal({ count: 0, amount: { amount: 0, currency: 'JPY' }, forecast: { amount: 0, currency: 'JPY' } });
  });

  it('columns: every stage, its deals in rank order (then id), unknown stages left out', () => {
    const a = deal({ stageId: 's1', rank: 'b' });
    const b = deal({ stageId: 's1', rank: 'a' });
    const c = deal({ stageId: 's2', rank: 'a' });
    const d = deal({ stageId: 'gone', rank: 'a' });
    const e = deal({ stageId: 's1', rank: 'a' });
    const columns = columnsOf([stage('s1', 0), stage('s2', 1), stage('s3', 2)], [a, b, c, d, e]);
    expect(columns.get('s1')?.map((x) => x.id)).to.deep.equal([b.id, e.id, a.id]);
    expect(columns.get('s2')).to.deep.equal([c]);
    expect(columns.get('s3')).to.deep.equal([]);
    expect([...columns.keys()]).to.deep.equal(['s1', 's2', 's3']);
    // Byte order, as the database's COLLATE "C": upper case before lower case.
    expect([deal({ rank: 'a' }), deal({ rank: 'Z' })].sort(byRank).map((x) => x.rank)).to.deep.equal(['Z', 'a']);
  });

  it('the board shows the more telling of its two reads', () => {
    expect(boardStatus('ready', 'empty')).to.equal('empty');
    expect(boardStatus('ready', 'loading')).to.equal('loading');
    expect(boardStatus('offline', 'ready')).to.equal('offline');
    expect(boardStatus('ready', 'not_authorized')).to.equal('not_authorized');
    expect(boardStatus('not_found', 'not_found')).to.equal('not_found');
    expect(boardStatus('error', 'stale')).to.equal('error');
    expect(boardStatus('ready', 'ready')).to.equal('ready');
  });
});
