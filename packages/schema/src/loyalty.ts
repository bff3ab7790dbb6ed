import * as z from 'zod/mini';
import { Id, shortText, Timestamp } from './common.js';

/** How far a member is from the next tier up; null in the top tier. */
export const NextTier = z.strictObject({
  tierId: Id,
  name: shortText(80),
  /**
   * Points still to earn, measured like the tier: lifetime points, or in a program whose
   * tiers expire, the points earned within its rolling window. At least 1, or the member
   * would be in that tier.
   */
  pointsNeeded: z.int().check(z.minimum(1)),
});
export type NextTier = z.infer<typeof NextTier>;

/** A customer's standing in a loyalty program, derived from the ledger on every read. */
export const LoyaltyAccount = z.strictObject({
  customerId: Id,
  programId: Id,
  /** Points available to redeem: the ledger's sum. May dip below 0 after a staff adjustment. */
  balance: z.int(),
  /** Points ever earned; lifetime tiers are reached by these, so redeeming never demotes. */
  lifetimePoints: z.int().check(z.minimum(0)),
  /** The current tier; null until the program has a tier the member qualifies for. */
  tierId: z.nullable(Id),
  /**
   * When the tier lapses with no further activity: in a program whose tiers are held by the
   * points earned in the last N months, the first instant that rolling sum drops below the
   * tier's threshold. Null in a lifetime program and in the base tier (threshold 0).
   */
  tierExpiresAt: z.nullable(Timestamp),
  nextTier: z.nullable(NextTier),
});
export type LoyaltyAccount = z.infer<typeof LoyaltyAccount>;
