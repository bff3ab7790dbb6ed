import { NON_VALUE_STATUSES } from '../analytics/value.js';
import { DEMO_CURRENCY, type CustomerSeed, type OrderSeed, type SeedContext } from './context.js';
import type { FeedbackSeed } from './engagement.js';
import { TIERS } from './texts.js';
import { lifetimePoints, tierFor } from '../loyalty/tiers.js';
import { must } from '../util/must.js';

export interface ProgramSeed { id: string; name: string; earn_points: number; earn_per: number; earn_currency: string; created_at: Date }
export interface TierSeed { id: string; program_id: string; name: string; position: number; threshold: number; benefits: string[] }
export interface AccountSeed { program_id: string; customer_id: string; tier_id: string | null; joined_at: Date }
export interface LedgerSeed {
  id: string; program_id: string; customer_id: string; points: number;
  reason: 'purchase' | 'review' | 'referral' | 'redeem' | 'adjust' | 'expire';
  order_id: string | null; feedback_id: string | null; referred_customer_id: string | null; note: string | null; created_at: Date;
}

/** Points for a review that gets published, and for referring a new buyer. */
export const REVIEW_POINTS = 50;
export const REFERRAL_POINTS = 500;

/**
 * The members' club: tiers by lifetime points, points for purchases (1 per euro), published
 * reviews and referrals (a first-class reason: many new buyers are referred by members),
 * redemptions for vouchers, a few goodwill adjustments and expiries. Balances are never
 * stored: they are the ledger's sum. The tier is the highest threshold reached by the
 * lifetime points (see `lifetimePoints`).
 */
export function makeLoyalty(ctx: SeedContext, customers: CustomerSeed[], orders: readonly OrderSeed[], feedback: readonly FeedbackSeed[]) {
  const { rng } = ctx;
  // 1 point per €1.00 (100 cents).
  const program: ProgramSeed = { id: rng.uuid(), name: 'Kith Members’ Club', earn_points: 1, earn_per: 100, earn_currency: DEMO_CURRENCY, created_at: ctx.ago(1200) };
  const tiers: TierSeed[] = TIERS.map((t, i) => ({ id: rng.uuid(), program_id: program.id, name: t.name, position: i, threshold: t.threshold, benefits: [...t.benefits] }));
  const members = customers.filter((c) => c.kind === 'person' && (c.order_count > 0 || rng.chance(0.3)));
  const memberIds = new Set(members.map((m) => m.id));
  const ledger: LedgerSeed[] = [];
  const entry = (customer: CustomerSeed, points: number, reason: LedgerSeed['reason'], at: Date, extra: Partial<LedgerSeed> = {}) =>
    ledger.push({ id: rng.uuid(), program_id: program.id, customer_id: customer.id, points, reason, order_id: null, feedback_id: null, referred_customer_id: null, note: null, created_at: at, ...extra });
  const byId = new Map(customers.map((c) => [c.id, c]));

  for (const order of orders) {
    const customer = must(byId.get(order.customer_id), 'the order\'s customer');
    if (!memberIds.has(customer.id) || NON_VALUE_STATUSES.has(order.status)) continue;
    const points = Math.floor((order.total * program.earn_points) / program.earn_per);
    if (points > 0) entry(customer, points, 'purchase', order.placed_at, { order_id: order.id });
  }
  for (const review of feedback) {
    if (review.kind !== 'review' || review.moderation_status !== 'published' || !review.customer_id || !memberIds.has(review.customer_id)) continue;
    entry(must(byId.get(review.customer_id), 'the reviewer'), REVIEW_POINTS, 'review', review.created_at, { feedback_id: review.id });
  }
  // About a third of members were referred by an earlier member.
  const byJoin = [...members].sort((a, b) => a.created_at.getTime() - b.created_at.getTime());
  byJoin.forEach((member, i) => {
    if (i < 10 || !rng.chance(0.35)) return;
    const referrer = must(byJoin[rng.int(0, i - 1)], 'a referrer');
    entry(referrer, REFERRAL_POINTS, 'referral', member.created_at, { referred_customer_id: member.id, note: `Referred ${member.name}` });
    if (!referrer.tags.includes('referrer')) referrer.tags.push('referrer');
  });

  const accounts: AccountSeed[] = [];
  for (const member of members) {
    const own = ledger.filter((l) => l.customer_id === member.id).sort((a, b) => a.created_at.getTime() - b.created_at.getTime());
    let balance = own.reduce((sum, l) => sum + l.points, 0);
    const last = own.at(-1)?.created_at;
    if (last && balance >= 1_000 && rng.chance(0.5)) {
      entry(member, -500, 'redeem', ctx.past(ctx.plusHours(last, 2)), { note: '€5 voucher' });
      balance -= 500;
    }
    if (last && balance > 0 && member.segment === 'lost' && ctx.plusHours(last, 24 * 365) < ctx.now) {
      entry(member, -balance, 'expire', ctx.plusHours(last, 24 * 365), { note: 'Points expire after 12 months without activity' });
    }
    if (rng.chance(0.03)) entry(member, 100, 'adjust', ctx.ago(rng.int(1, 60)), { note: 'Goodwill after a late delivery' });
    // The same rule the account reader derives the next tier by, over every row of the member.
    const tier = must(tierFor(tiers, lifetimePoints(ledger.filter((l) => l.customer_id === member.id))), 'a tier');
    accounts.push({ program_id: program.id, customer_id: member.id, tier_id: tier.id, joined_at: member.created_at });
    // Gold and Platinum are the club's senior members.
    if (tier.position >= 2 && !member.tags.includes('senior-member')) member.tags.push('senior-member');
  }
  ledger.sort((a, b) => a.created_at.getTime() - b.created_at.getTime());
  return { program, tiers, accounts, ledger };
}
