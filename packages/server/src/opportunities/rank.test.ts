import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Rank } from '@kith/schema';
import { MAX_RANK_LENGTH, RANK_DIGITS, RankSpaceError, isRank, rankBetween, spreadRanks } from './rank.js';

/** A small deterministic PRNG (mulberry32) so failures reproduce. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomKey(random: () => number): string {
  const length = 1 + Math.floor(random() * 8);
  let key = '';
  for (let i = 0; i < length; i++) key += RANK_DIGITS.charAt(Math.floor(random() * 62));
  return key;
}

/** A generated key is valid for the schema, the SQL CHECK and never ends in '0'. */
function assertGenerated(key: string): void {
  assert.ok(isRank(key), key);
  assert.ok(Rank.safeParse(key).success, key);
  assert.ok(key.length <= MAX_RANK_LENGTH, key);
  assert.notEqual(key.at(-1), '0', key);
}

describe('rankBetween', () => {
  test('between any two keys (random pairs), and at both ends', () => {
    const random = prng(42);
    for (let i = 0; i < 5_000; i++) {
      const [a, b] = [randomKey(random), randomKey(random)].sort();
      if (a === undefined || b === undefined || a === b || b === `${a}0`) continue;
      // Keys already there may end in '0' (the seed's `a0`); the one made never does.
      const key = rankBetween(a, b);
      assertGenerated(key);
      assert.ok(a < key && key < b, `${a} < ${key} < ${b}`);
      assert.ok(rankBetween(null, key) < key);
      assert.ok(rankBetween(key, null) > key);
    }
  });

  test('the first key of an empty column, and the seed\'s neighbours', () => {
    assertGenerated(rankBetween(null, null));
    assert.ok(rankBetween(null, 'a0') < 'a0');
    assert.ok(rankBetween('a0', 'a1') > 'a0' && rankBetween('a0', 'a1') < 'a1');
    assert.ok(rankBetween('az', null) > 'az');
  });

  const patterns: [string, (keys: { low: string | null; high: string | null; last: string }) => [string | null, string | null]][] = [
    ['always right after the same card', ({ low, last }) => [low, last]],
    ['always right before the same card', ({ high, last }) => [last, high]],
    ['always at the end', ({ last }) => [last, null]],
    ['always at the start', ({ last }) => [null, last]],
  ];
  for (const [name, next] of patterns) {
    test(`1,000 inserts ${name} stay ordered and within 64 characters`, () => {
      const low = 'a5';
      const high = 'a6';
      const keys = [low, high];
      let last = rankBetween(low, high);
      keys.push(last);
      for (let i = 1; i < 1_000; i++) {
        const [a, b] = next({ low, high, last });
        last = rankBetween(a, b);
        assertGenerated(last);
        if (a !== null) assert.ok(a < last);
        if (b !== null) assert.ok(last < b);
        keys.push(last);
      }
      assert.equal(new Set(keys).size, keys.length, 'no duplicates');
      assert.ok(Math.max(...keys.map((k) => k.length)) <= 24, `longest ${Math.max(...keys.map((k) => k.length))}`);
    });
  }

  test('random moves in one column keep a strict order', () => {
    const random = prng(7);
    const column = spreadRanks(20);
    for (let i = 0; i < 2_000; i++) {
      const from = Math.floor(random() * column.length);
      column.splice(from, 1);
      const to = Math.floor(random() * (column.length + 1));
      const key = rankBetween(column[to - 1] ?? null, column[to] ?? null);
      assertGenerated(key);
      column.splice(to, 0, key);
      assert.deepEqual([...column].sort(), column);
    }
  });

  test('refuses keys out of order or invalid, and says when there is no room', () => {
    assert.throws(() => rankBetween('b', 'a'), RangeError);
    assert.throws(() => rankBetween('a', 'a'), RangeError);
    assert.throws(() => rankBetween('a-b', null), TypeError);
    assert.throws(() => rankBetween('', null), TypeError);
    assert.throws(() => rankBetween('x', 'x0'), RankSpaceError);
    assert.throws(() => rankBetween(null, '0'), RankSpaceError);
  });
});

describe('spreadRanks', () => {
  for (const count of [0, 1, 2, 61, 62, 500, 5_000]) {
    test(`${count} ascending, distinct, valid keys`, () => {
      const keys = spreadRanks(count);
      assert.equal(keys.length, count);
      keys.forEach(assertGenerated);
      assert.deepEqual([...keys].sort(), keys);
      assert.equal(new Set(keys).size, count);
      // Room before, between and after each one.
      if (count > 0) {
        rankBetween(null, keys[0] ?? null);
        rankBetween(keys.at(-1) ?? null, null);
      }
    });
  }
});
