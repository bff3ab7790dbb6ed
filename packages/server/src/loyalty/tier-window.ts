import type { LedgerReason } from '@kith/schema';
import { lifetimePoints, SPENDING_REASONS, tierFor, type TierLike } from './tiers.js';

/** A ledger row as the tier rules read it. */
export interface DatedPoints {
  points: number;
  reason: LedgerReason;
  created_at: Date;
}

/** What a member's tier is measured by, and when it lapses with no further activity. */
export interface TierStanding {
  /** Lifetime points, or the points earned within the window when tiers expire. */
  points: number;
  /** The earliest instant the windowed sum drops below the tier's threshold; null: never. */
  expiresAt: Date | null;
}

/**
 * `at` plus `months` calendar months, in UTC, clamped to the last day of a shorter month
 * (31 January + 1 month = 28/29 February), as PostgreSQL adds a month interval.
 */
export function addMonths(at: Date, months: number): Date {
  const day = at.getUTCDate();
  const shifted = new Date(at.getTime());
  shifted.setUTCDate(1);
  shifted.setUTCMonth(shifted.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, 0)).getUTCDate();
  shifted.setUTCDate(Math.min(day, lastDay));
  return shifted;
}

/**
 * The standing a tier is reached by. `validityMonths` null: lifetime points, no expiry
 * (today's rule). Otherwise the points earned (every reason but spending, as for lifetime
 * points) by entries still inside the rolling window at `now` — an entry leaves it at
 * created_at + N months — and the first instant at which, walking those entries out oldest
 * first, the sum falls below the current tier's threshold. The base tier (threshold 0)
 * never expires. Entries dated after `now` do not count yet.
 */
export function tierStanding(
  tiers: readonly TierLike[],
  rows: readonly DatedPoints[],
  validityMonths: number | null,
  now: Date,
): TierStanding {
  if (validityMonths === null) return { points: lifetimePoints(rows), expiresAt: null };
  const window = rows
    .filter((row) => !SPENDING_REASONS.includes(row.reason) && row.created_at.getTime() <= now.getTime())
    .map((row) => ({ points: row.points, leaves: addMonths(row.created_at, validityMonths) }))
    .filter((entry) => entry.leaves.getTime() > now.getTime())
    .sort((a, b) => a.leaves.getTime() - b.leaves.getTime());
  let sum = window.reduce((total, entry) => total + entry.points, 0);
  const points = Math.max(0, sum);
  const tier = tierFor(tiers, points);
  if (!tier || tier.threshold <= 0) return { points, expiresAt: null };
  for (const [i, entry] of window.entries()) {
    sum -= entry.points;
    // Entries leaving at the same instant leave together (a correction may offset another).
    if (window[i + 1]?.leaves.getTime() === entry.leaves.getTime()) continue;
    if (sum < tier.threshold) return { points, expiresAt: entry.leaves };
  }
  // Unreachable: once every entry has left, the sum is 0, below a positive threshold.
  return { points, expiresAt: null };
}
