import * as z from 'zod/mini';
import {
  AdjustRequest, Id, LedgerPage, LedgerWriteResponse, LoyaltyAccount, LoyaltyProgramResponse, PageQuery, RedeemRequest,
} from '@kith/schema';
import { audit } from '../audit/audit.js';
import { ApiError } from '../http/errors.js';
import { route } from '../http/route.js';
import { ledgerPage, loyaltyTarget, readAccount } from '../loyalty/account.js';
import { expireAccount } from '../loyalty/expiry.js';
import { appendEntry, balanceOf } from '../loyalty/ledger.js';
import { activeProgram } from '../loyalty/program.js';
import { toLedgerEntry as toEntry, toLoyaltyProgram } from '../loyalty/read.js';
import { must } from '../util/must.js';

const ByCustomer = z.object({ id: Id });

/** `GET /v1/loyalty/program`: public — a shop page shows tiers and how to earn. */
export const getProgram = route({
  method: 'GET', path: '/v1/loyalty/program', summary: 'The loyalty program, its tiers and rules', tag: 'loyalty',
  access: { public: true },
  response: LoyaltyProgramResponse,
  async handle({ db }) {
    const program = await activeProgram(db);
    if (!program) throw new ApiError(404, 'not_found', 'This shop has no loyalty program.');
    return {
      program: toLoyaltyProgram(program),
      rules: {
        reviewPoints: program.review_points, referralPoints: program.referral_points, expireAfterMonths: program.expire_after_months,
        tierValidityMonths: program.tier_validity_months,
      },
    };
  },
});

/** `GET /v1/customers/:id/loyalty`: balance, tier and distance to the next one. */
export const getAccount = route({
  method: 'GET', path: '/v1/customers/:id/loyalty', summary: "A customer's loyalty account", tag: 'loyalty',
  access: { customer: true, staff: 'loyalty:read', secret: true },
  params: ByCustomer,
  response: LoyaltyAccount,
  async handle({ c, db, credential, params, now }) {
    const program = await loyaltyTarget(db, credential, params.id);
    c.header('Cache-Control', 'private, no-cache');
    return readAccount(db, program, params.id, now);
  },
});

/** `GET /v1/customers/:id/loyalty/ledger`: the append-only ledger, newest first. */
export const getLedger = route({
  method: 'GET', path: '/v1/customers/:id/loyalty/ledger', summary: "A customer's points ledger", tag: 'loyalty',
  access: { customer: true, staff: 'loyalty:read', secret: true },
  params: ByCustomer, query: PageQuery,
  response: LedgerPage,
  async handle({ c, db, credential, params, query, now }) {
    const program = await loyaltyTarget(db, credential, params.id);
    c.header('Cache-Control', 'private, no-cache');
    return ledgerPage(db, program, params.id, query, now);
  },
});

/**
 * `POST /v1/customers/:id/loyalty/redeem`: the shopper (own token) or the shop's server
 * spends points. The account row is locked first, so of two concurrent redeems the second
 * sees the first's entry and cannot take the balance below zero.
 */
export const redeem = route({
  method: 'POST', path: '/v1/customers/:id/loyalty/redeem', summary: 'Redeem points', tag: 'loyalty',
  access: { customer: true, secret: true },
  params: ByCustomer, body: RedeemRequest,
  response: LedgerWriteResponse, status: 201,
  async handle({ db, credential, params, body, now }) {
    const program = await loyaltyTarget(db, credential, params.id);
    await db.query('SELECT 1 FROM loyalty_accounts WHERE program_id = $1 AND customer_id = $2 FOR UPDATE', [program.id, params.id]);
    await expireAccount(db, program, params.id, now);
    const before = await balanceOf(db, program.id, params.id);
    if (before < body.points) {
      throw new ApiError(409, 'conflict', `The balance is ${before} points; ${body.points} cannot be redeemed.`, {
        current: await readAccount(db, program, params.id, now),
      });
    }
    const entry = must(
      await appendEntry(db, program, { customerId: params.id, reason: 'redeem', points: -body.points, note: body.note ?? null, now }),
      'the redeem entry',
    );
    const result = { entry: toEntry(entry), balance: before - body.points };
    await audit(db, credential, { action: 'loyalty.redeem', entity: 'loyalty_ledger', entityId: entry.id, before: { balance: before }, after: result }, now);
    return result;
  },
});

/** `POST /v1/customers/:id/loyalty/adjust`: a staff or server correction, audited. */
export const adjust = route({
  method: 'POST', path: '/v1/customers/:id/loyalty/adjust', summary: 'Adjust points (a correction)', tag: 'loyalty',
  access: { staff: 'loyalty:adjust', secret: true },
  params: ByCustomer, body: AdjustRequest,
  response: LedgerWriteResponse, status: 201,
  async handle({ db, credential, params, body, now }) {
    const program = await loyaltyTarget(db, credential, params.id);
    // Lapsed points go first, so `before` is the balance the correction applies to.
    await expireAccount(db, program, params.id, now);
    const before = await balanceOf(db, program.id, params.id);
    const entry = must(
      await appendEntry(db, program, { customerId: params.id, reason: 'adjust', points: body.points, note: body.note, now }),
      'the adjust entry',
    );
    const result = { entry: toEntry(entry), balance: await balanceOf(db, program.id, params.id) };
    await audit(db, credential, { action: 'loyalty.adjust', entity: 'loyalty_ledger', entityId: entry.id, before: { balance: before }, after: result }, now);
    return result;
  },
});

/** The routes of this file. */
export const loyaltyRoutes = [getProgram, getAccount, getLedger, redeem, adjust];
