import { divideHalfUp, keyAccountCount } from '@kith/schema';

/** The 80/20 figures of a set of customers. */
export interface Pareto {
  /** How many customers were given (those without value included). */
  customers: number;
  /** Total value, minor units. */
  total: number;
  /** The size of the top set: ⌈customers / 5⌉. */
  topCount: number;
  /** The value of the top set, minor units. */
  topValue: number;
  /** `topValue / total` in basis points, halves rounded up; 0 when the total is 0. */
  shareBp: number;
  /** The smallest value in the top set (the k-th largest); null without customers. */
  cutoff: number | null;
  /** Key accounts: the customers of the top set with a value above 0. */
  keyAccounts: number;
}

/**
 * Pareto over lifetime values (minor units, one per customer, zeros included): the top 20 %
 * of the customers — ⌈n / 5⌉ of them, the largest values — are the key accounts (those with
 * value > 0), and `shareBp` is their share of the total. Which of several customers tied at
 * the cut-off is in the set does not change any figure.
 */
export function pareto(values: readonly number[]): Pareto {
  const sorted = [...values].sort((a, b) => b - a);
  const topCount = keyAccountCount(sorted.length);
  const top = sorted.slice(0, topCount);
  const total = sorted.reduce((sum, v) => sum + v, 0);
  const topValue = top.reduce((sum, v) => sum + v, 0);
  return {
    customers: sorted.length,
    total,
    topCount,
    topValue,
    shareBp: total > 0 ? divideHalfUp(BigInt(topValue) * 10_000n, BigInt(total)) : 0,
    cutoff: top.at(-1) ?? null,
    keyAccounts: top.filter((v) => v > 0).length,
  };
}
