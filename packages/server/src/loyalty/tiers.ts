import type { LedgerReason, NextTier } from '@kith/schema';

/**
 * Reasons that spend points rather than earn them. Lifetime points — what tiers are
 * reached by — are every other ledger row, corrections (`adjust`) included, so redeeming
 * or expiry never demotes a member while a corrected mistake does not promote one.
 */
export const SPENDING_REASONS: readonly LedgerReason[] = ['redeem', 'expire'];

/** What a tier needs for the rules below; `Tier` rows and seed rows both fit. */
export interface TierLike {
  id: string;
  name: string;
  threshold: number;
}

/** Lifetime points of ledger rows (never below 0, as `LoyaltyAccount.lifetimePoints` requires). */
export function lifetimePoints(rows: readonly { points: number; reason: LedgerReason }[]): number {
  const earned = rows.filter((r) => !SPENDING_REASONS.includes(r.reason)).reduce((sum, r) => sum + r.points, 0);
  return Math.max(0, earned);
}

/** The highest tier whose threshold `lifetime` reaches; null when none does. */
export function tierFor<T extends TierLike>(tiers: readonly T[], lifetime: number): T | null {
  let reached: T | null = null;
  for (const tier of tiers) if (lifetime >= tier.threshold && (!reached || tier.threshold > reached.threshold)) reached = tier;
  return reached;
}

/** The lowest tier above `lifetime`, and how far away it is; null at the top. */
export function nextTierFor(tiers: readonly TierLike[], lifetime: number): NextTier | null {
  let next: TierLike | null = null;
  for (const tier of tiers) if (tier.threshold > lifetime && (!next || tier.threshold < next.threshold)) next = tier;
  return next ? { tierId: next.id, name: next.name, pointsNeeded: next.threshold - lifetime } : null;
}
