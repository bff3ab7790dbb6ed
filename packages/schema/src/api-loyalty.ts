// Request and response shapes of the /v1 routes for loyalty (beyond the domain records).
import * as z from 'zod/mini';
import { shortText } from './common.js';
import { LedgerEntry } from './loyalty-ledger.js';
import { LoyaltyProgram } from './loyalty-program.js';
import { page } from './page.js';

/** The rules the server applies beyond the earning rate. */
export const LoyaltyRules = z.strictObject({
  /** Points for a review once it is published (once per review). */
  reviewPoints: z.int().check(z.minimum(0)),
  /** Points for the referrer when a referred customer is credited (once per referred customer). */
  referralPoints: z.int().check(z.minimum(0)),
  /** A positive balance expires after this many months without ledger activity; null: never. */
  expireAfterMonths: z.nullable(z.int().check(z.minimum(1), z.maximum(120))),
  /** Tiers are held by the points earned in this many months (rolling); null: lifetime tiers. */
  tierValidityMonths: z.nullable(z.int().check(z.minimum(1))),
});
export type LoyaltyRules = z.infer<typeof LoyaltyRules>;

/** `GET /v1/loyalty/program`: the program, its tiers and its rules. */
export const LoyaltyProgramResponse = z.strictObject({
  program: LoyaltyProgram,
  rules: LoyaltyRules,
});
export type LoyaltyProgramResponse = z.infer<typeof LoyaltyProgramResponse>;

/** Largest number of points one entry may move (well inside a Postgres `integer`). */
export const MAX_POINTS = 10_000_000;

/** `POST /v1/customers/:id/loyalty/redeem`: spend points (never below a zero balance). */
export const RedeemRequest = z.strictObject({
  points: z.int().check(z.minimum(1), z.maximum(MAX_POINTS)),
  note: z.optional(z.nullable(shortText(500))),
});
export type RedeemRequest = z.infer<typeof RedeemRequest>;

/** `POST /v1/customers/:id/loyalty/adjust`: a staff correction either way, with its reason. */
export const AdjustRequest = z.strictObject({
  points: z
    .int()
    .check(z.minimum(-MAX_POINTS), z.maximum(MAX_POINTS), z.refine((points) => points !== 0, { message: 'Must not be 0' })),
  note: shortText(500),
});
export type AdjustRequest = z.infer<typeof AdjustRequest>;

/** The answer to a write on the ledger: the new entry and the balance after it. */
export const LedgerWriteResponse = z.strictObject({
  entry: LedgerEntry,
  balance: z.int(),
});
export type LedgerWriteResponse = z.infer<typeof LedgerWriteResponse>;

/** `GET /v1/customers/:id/loyalty/ledger`: a page of the append-only ledger, newest first. */
export const LedgerPage = page(LedgerEntry);
export type LedgerPage = z.infer<typeof LedgerPage>;
