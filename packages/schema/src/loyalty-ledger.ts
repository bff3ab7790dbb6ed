import * as z from 'zod/mini';
import { Id, Timestamp, shortText } from './common.js';

/**
 * Why points moved. `referral` is its own reason because referred buyers are a large share
 * of new ones in the programmes Kith follows; `adjust` is a staff correction.
 */
export const LedgerReason = z.enum(['purchase', 'review', 'referral', 'redeem', 'adjust', 'expire']);
export type LedgerReason = z.infer<typeof LedgerReason>;

/** The sign each reason's points must have: earning adds, spending and expiry take away. */
const SIGN: Record<LedgerReason, 1 | -1 | 0> = {
  purchase: 1,
  review: 1,
  referral: 1,
  redeem: -1,
  expire: -1,
  // A correction goes whichever way the mistake went.
  adjust: 0,
};

/**
 * One row of the append-only points ledger. A balance is the sum of the rows, so a
 * correction is a new `adjust` row, never an edit; hence also no zero-point rows.
 */
export const LedgerEntry = z
  .strictObject({
    id: Id,
    customerId: Id,
    programId: Id,
    reason: LedgerReason,
    points: z.int().check(z.refine((points) => points !== 0, { message: 'Must not be 0' })),
    note: z.nullable(shortText(500)),
    /** The order a purchase (or its return) is about. */
    orderId: z.nullable(Id),
    createdAt: Timestamp,
  })
  .check(
    z.refine((entry) => SIGN[entry.reason] === 0 || Math.sign(entry.points) === SIGN[entry.reason], {
      message: 'redeem and expire take points away (negative); purchase, review and referral add them',
      path: ['points'],
    }),
  );
export type LedgerEntry = z.infer<typeof LedgerEntry>;
