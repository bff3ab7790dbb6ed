// A column's totals as the board works them out itself once its tools are there (a chunk of their
// own): from the cards it shows — moves not on the server yet, filters — the same figures as the
// server's whenever nothing is pending or filtered. Until the tools are there nothing is moved or
// filtered, and the board shows the server's totals.
import type { DealTotals, Opportunity } from '@kith/schema';

/**
 * A stage's forecast: Σ amount × probability / 10,000 in minor units, rounded once, half up (the
 * server's `round(numeric)`); BigInt, so it is exact for any sum.
 */
export function forecastOf(amount: number, probability: number): number {
  return Number((BigInt(amount) * BigInt(probability) + 5000n) / 10000n);
}

/** Count, Σ amount (a SUM of every card's amount) and forecast of a column's cards. */
export function totalsOf(deals: readonly Opportunity[], probability: number, currency: string): DealTotals {
  let amount = 0;
  for (const deal of deals) amount += deal.amount.amount;
  return { count: deals.length, amount: { amount, currency }, forecast: { amount: forecastOf(amount, probability), currency } };
}
