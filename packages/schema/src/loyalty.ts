import * as z from 'zod/mini';
import { Id, shortText } from './common.js';

/** How far a member is from the next tier up; null in the top tier. */
export const NextTier = z.strictObject({
  tierId: Id,
  name: shortText(80),
  /** Lifetime points still to earn; at least 1, or the member would be in that tier. */
  pointsNeeded: z.int().check(z.minimum(1)),
});
export type NextTier = z.infer<typeof NextTier>;

/** A customer's standing in a loyalty program, derived from the ledger on every read. */
export const LoyaltyAccount = z.strictObject({
  customerId: Id,
  programId: Id,
  /** Points available to redeem: the ledger's sum. May dip below 0 after a staff adjustment. */
  balance: z.int(),
  /** Points ever earned; tiers are reached by these, so redeeming never demotes. */
  lifetimePoints: z.int().check(z.minimum(0)),
  /** The current tier; null until the program has a tier the member qualifies for. */
  tierId: z.nullable(Id),
  nextTier: z.nullable(NextTier),
});
export type LoyaltyAccount = z.infer<typeof LoyaltyAccount>;
