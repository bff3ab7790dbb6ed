// Fractional indexing for the order of opportunities within a stage: a move writes ONE new
// rank between its neighbours instead of renumbering the column. Keys are base-62 digit
// strings compared byte-wise (the column's COLLATE "C", JavaScript's `<`), 1 to 64 characters
// (the `Rank` schema and the SQL CHECK).
//
// Read a key as a fraction 0.d1d2d3… in base 62. Generated keys never end in '0' (then "x"
// and "x0" would be two keys with nothing between them), and never are a prefix of the key
// above them. Among the shortest keys that fit, `rankBetween` picks:
// - next to the LONGER neighbour when the two differ in length. The longer one is usually
//   the card inserted last, so repeated inserts at one spot ("always after X", "always
//   before Y", "append", "prepend") step by one digit — about 61 inserts per extra
//   character instead of 6 with plain bisection (1,000 inserts at one spot: under 20 chars);
// - the middle when they are as long as each other, which leaves room on both sides.

/** The 62 digits in byte order. */
export const RANK_DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
export const MAX_RANK_LENGTH = 64;
const RANK = /^[0-9A-Za-z]{1,64}$/;
const BASE = 62n;

/** A key could not be made within 64 characters (or the neighbours leave no room at all). */
export class RankSpaceError extends RangeError {
  override name = 'RankSpaceError';
}

/** Whether `key` is a valid rank (the `Rank` schema and the SQL CHECK). */
export const isRank = (key: string): boolean => RANK.test(key);

/** The key's first `length` digits (padded with '0') as an integer. */
function digitsOf(key: string, length: number): bigint {
  let n = 0n;
  for (let i = 0; i < length; i++) n = n * BASE + BigInt(i < key.length ? RANK_DIGITS.indexOf(key.charAt(i)) : 0);
  return n;
}

function keyOf(n: bigint, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) {
    out = RANK_DIGITS.charAt(Number(n % BASE)) + out;
    n /= BASE;
  }
  return out;
}

/** Nearest value in (lo, hi) from `start` moving by `step` whose last digit is not '0'. */
function usable(start: bigint, step: bigint, lo: bigint, hi: bigint): bigint | null {
  for (let n = start, tries = 0; n > lo && n < hi && tries < 2; n += step, tries++) {
    if (n % BASE !== 0n) return n;
  }
  return null;
}

/**
 * A key strictly between `before` and `after` (null: the start / the end of the column).
 * Throws `RankSpaceError` when no key of at most 64 characters fits, e.g. between "x" and
 * "x0" — the caller then renumbers the column with {@link spreadRanks}.
 */
export function rankBetween(before: string | null, after: string | null): string {
  for (const key of [before, after]) if (key !== null && !isRank(key)) throw new TypeError(`not a rank: ${key}`);
  if (before !== null && after !== null && before >= after) throw new RangeError(`ranks out of order: ${before} ≥ ${after}`);
  const lean: 'before' | 'after' | 'middle' =
    after === null ? 'before' : before === null ? 'after' : after.length > before.length ? 'after' : before.length > after.length ? 'before' : 'middle';

  for (let length = 1; length <= MAX_RANK_LENGTH; length++) {
    // Every key of this length in (lo, hi), as integers, sorts between the neighbours: a key
    // equal to the lower neighbour's truncation is its prefix (smaller), one equal to the
    // upper neighbour's truncation is its prefix (refused above).
    const lo = before === null ? 0n : digitsOf(before, length);
    const hi = after === null ? BASE ** BigInt(length) : digitsOf(after, length);
    if (hi - lo < 2n) continue;
    const n =
      lean === 'before' ? usable(lo + 1n, 1n, lo, hi) : lean === 'after' ? usable(hi - 1n, -1n, lo, hi) : usable((lo + hi) / 2n, 1n, lo, hi) ?? usable((lo + hi) / 2n - 1n, -1n, lo, hi);
    if (n !== null) return keyOf(n, length);
  }
  throw new RankSpaceError(`no rank of at most ${MAX_RANK_LENGTH} characters between ${before ?? 'the start'} and ${after ?? 'the end'}`);
}

/** `count` short keys, evenly spaced and ascending: a fresh numbering of a column. */
export function spreadRanks(count: number): string[] {
  let length = 1;
  // At least two integers per gap so every key can dodge a trailing '0'.
  while (BASE ** BigInt(length) < BigInt(count + 1) * 4n) length++;
  const step = BASE ** BigInt(length) / BigInt(count + 1);
  return Array.from({ length: count }, (_, i) => {
    const n = step * BigInt(i + 1);
    return keyOf(n % BASE === 0n ? n + 1n : n, length);
  });
}
