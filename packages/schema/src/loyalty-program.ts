import * as z from 'zod/mini';
import { Id, Money, shortText } from './common.js';

/** A membership level reached by lifetime points: ordinary, silver, senior member… */
export const Tier = z.strictObject({
  id: Id,
  programId: Id,
  name: shortText(80),
  /** Points needed to reach the tier (lifetime, or earned within the program's tier window); redeeming never demotes. */
  threshold: z.int().check(z.minimum(0)),
  /** What members of the tier get, one line each ("free returns", "early access"). */
  benefits: z.array(shortText(200)).check(z.maxLength(20)),
  position: z.int().check(z.minimum(0)),
});
export type Tier = z.infer<typeof Tier>;

/** How many points a purchase earns: `points` for every `per` spent (e.g. 1 point per €1.00). */
export const PointsRate = z.strictObject({
  points: z.int().check(z.minimum(0)),
  per: Money.check(z.refine((money) => money.amount >= 1, { message: 'Must be at least 1', path: ['amount'] })),
});
export type PointsRate = z.infer<typeof PointsRate>;

/** A loyalty program: its earning rate and its tiers, lowest first. */
export const LoyaltyProgram = z
  .strictObject({
    id: Id,
    name: shortText(100),
    pointsPerUnit: PointsRate,
    tiers: z.array(Tier).check(z.minLength(1), z.maxLength(20)),
  })
  .check(
    // Every member is in some tier (the first starts at 0), and a member's tier is the last
    // one whose threshold they reached, which is only well defined when thresholds increase.
    z.superRefine((program, ctx) => {
      program.tiers.forEach((tier, i) => {
        const previous = program.tiers[i - 1];
        if (i === 0 && tier.threshold !== 0) {
          ctx.addIssue({
            code: 'custom',
            message: 'The first tier starts at 0 points',
            path: ['tiers', 0, 'threshold'],
            input: tier.threshold,
          });
        }
        if (previous && tier.threshold <= previous.threshold) {
          ctx.addIssue({
            code: 'custom',
            message: 'Tier thresholds must increase strictly',
            path: ['tiers', i, 'threshold'],
            input: tier.threshold,
          });
        }
        if (tier.programId !== program.id) {
          ctx.addIssue({
            code: 'custom',
            message: 'Tier belongs to another program',
            path: ['tiers', i, 'programId'],
            input: tier.programId,
          });
        }
      });
    }),
  );
export type LoyaltyProgram = z.infer<typeof LoyaltyProgram>;
