// What the badge derives from an account and its program, apart from rendering (pure functions).
import type { LoyaltyAccount, LoyaltyProgram, Tier } from '@kith/schema';

/** The progress bar to the next tier: values for `aria-valuemin/max/now`, and how far along (0…1). */
export interface TierProgress {
  next: string;
  pointsNeeded: number;
  min: number;
  max: number;
  now: number;
  fraction: number;
}

/** The member's tier in the program, and its rank (0 = the lowest tier) for the emblem. */
export function currentTier(account: LoyaltyAccount, program: LoyaltyProgram): { tier: Tier; rank: number } | undefined {
  const rank = program.tiers.findIndex((tier) => tier.id === account.tierId);
  const tier = program.tiers[rank];
  return tier ? { tier, rank } : undefined;
}

/**
 * From the current tier's threshold to the next one's. `pointsNeeded` is the server's figure
 * (lifetime points, or points in a rolling window), so `now` is measured back from the next
 * threshold rather than from `lifetimePoints`. Null in the top tier.
 */
export function tierProgress(account: LoyaltyAccount, program: LoyaltyProgram): TierProgress | null {
  const nextTier = account.nextTier;
  if (!nextTier) return null;
  const min = currentTier(account, program)?.tier.threshold ?? 0;
  const threshold = program.tiers.find((tier) => tier.id === nextTier.tierId)?.threshold;
  const max = threshold !== undefined && threshold > min ? threshold : min + nextTier.pointsNeeded;
  const now = Math.min(max, Math.max(min, max - nextTier.pointsNeeded));
  return { next: nextTier.name, pointsNeeded: nextTier.pointsNeeded, min, max, now, fraction: max > min ? (now - min) / (max - min) : 0 };
}
