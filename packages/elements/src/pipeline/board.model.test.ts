import { expect } from '@open-wc/testing';
import type { Opportunity } from '@kith/schema';
import { applyMoves, insertAt, neighboursOf, shown, stillPending, withNewer, type Filters } from './board.model.js';

let n = 0;
function deal(fields: Partial<Opportunity> = {}): Opportunity {
  n++;
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, pipelineId: 'p', stageId: 's1', customerId: 'c', title: `Deal ${n}`,
    amount: { amount: 1000 * n, currency: 'EUR' }, expectedClose: null, ownerId: null, rank: 'a0', version: 1,
    createdAt: '2027-01-01T00:00:00.000Z', updatedAt: '2027-01-01T00:00:00.000Z', ...fields,
  };
}

const all: Filters = { owner: '', q: '' };
const ids = (list: readonly Opportunity[] | undefined) => (list ?? []).map((d) => d.title);

describe('board model', () => {
  const a = deal({ title: 'A', stageId: 's1', rank: 'a', amount: { amount: 300, currency: 'EUR' }, expectedClose: '2027-05-01', ownerId: 'o1' });
  const b = deal({ title: 'B', stageId: 's1', rank: 'b', amount: { amount: 100, currency: 'EUR' }, expectedClose: null, ownerId: 'o2' });
  const c = deal({ title: 'C', stageId: 's1', rank: 'c', amount: { amount: 200, currency: 'EUR' }, expectedClose: '2027-03-01', ownerId: null });
  const d = deal({ title: 'D', stageId: 's2', rank: 'a', amount: { amount: 50, currency: 'EUR' } });
  const columns = () => new Map([['s1', [a, b, c]], ['s2', [d]]]);

  it('moves land after afterId, else before beforeId, else at the end; the card takes the stage', () => {
    expect(ids(applyMoves(columns(), [{ id: 'x', stageId: 's2', afterId: null, beforeId: null, version: 1 }]).get('s2'))).to.deep.equal(['D']);
    const after = applyMoves(columns(), [{ id: c.id, stageId: 's2', afterId: d.id, beforeId: null, version: 1 }]);
    expect(ids(after.get('s1'))).to.deep.equal(['A', 'B']);
    expect(ids(after.get('s2'))).to.deep.equal(['D', 'C']);
    expect(after.get('s2')?.[1]?.stageId).to.equal('s2');
    expect(ids(applyMoves(columns(), [{ id: c.id, stageId: 's2', afterId: null, beforeId: d.id, version: 1 }]).get('s2'))).to.deep.equal(['C', 'D']);
    expect(ids(applyMoves(columns(), [{ id: a.id, stageId: 's1', afterId: c.id, beforeId: null, version: 1 }]).get('s1'))).to.deep.equal(['B', 'C', 'A']);
    // A neighbour that has gone meanwhile: the end of the column.
    expect(ids(applyMoves(columns(), [{ id: a.id, stageId: 's2', afterId: 'gone', beforeId: null, version: 1 }]).get('s2'))).to.deep.equal(['D', 'A']);
  });

  it('a move stays pending until the board has a newer version of the deal; newer copies replace older ones', () => {
    const move = { id: a.id, stageId: 's2', afterId: null, beforeId: null, version: 1 };
    expect(stillPending([move], [a])).to.deep.equal([move]);
    expect(stillPending([move], [{ ...a, version: 2 }])).to.deep.equal([]);
    const newer = new Map([[a.id, { ...a, version: 3, stageId: 's2' }], [b.id, { ...b, version: 1, title: 'old' }]]);
    const merged = withNewer([{ ...a, version: 2 }, { ...b, version: 2 }], newer);
    expect(merged.map((x) => [x.version, x.stageId])).to.deep.equal([[3, 's2'], [2, 's1']]);
  });

  it('filters by owner (or no owner) and words of the title, in any case', () => {
    expect(ids(shown([a, b, c], { owner: 'o2', q: '' }, 'rank'))).to.deep.equal(['B']);
    expect(ids(shown([a, b, c], { owner: '-', q: '' }, 'rank'))).to.deep.equal(['C']);
    expect(ids(shown([a, b, c], { owner: '', q: ' c ' }, 'rank'))).to.deep.equal(['C']);
    expect(ids(shown([a, b, c], all, 'rank'))).to.deep.equal(['A', 'B', 'C']);
  });

  it('sorts by amount (largest first) and close date (soonest first, none last) as a view', () => {
    const list = [a, b, c];
    expect(ids(shown(list, all, 'amount'))).to.deep.equal(['A', 'C', 'B']);
    expect(ids(shown(list, all, 'close'))).to.deep.equal(['C', 'A', 'B']);
    expect(ids(list)).to.deep.equal(['A', 'B', 'C']);
  });

  it('a card goes where the sort puts it in a sorted column, at the index asked in rank order', () => {
    const e = deal({ title: 'E', amount: { amount: 250, currency: 'EUR' } });
    expect(insertAt(shown([a, b, c], all, 'amount'), e, 'amount', 0)).to.equal(1);
    expect(insertAt([a, b, c], e, 'rank', 9)).to.equal(3);
    expect(insertAt([a, b, c], e, 'rank', -1)).to.equal(0);
  });

  it('a drop names the cards just above and below it; none in a sorted column', () => {
    const list = [a, b, c];
    expect(neighboursOf(list, 1, 'rank')).to.deep.equal({ afterId: a.id, beforeId: c.id });
    expect(neighboursOf(list, 0, 'rank')).to.deep.equal({ afterId: null, beforeId: b.id });
    expect(neighboursOf(list, 2, 'rank')).to.deep.equal({ afterId: b.id, beforeId: null });
    expect(neighboursOf(list, 1, 'amount')).to.deep.equal({ afterId: null, beforeId: null });
  });
});
