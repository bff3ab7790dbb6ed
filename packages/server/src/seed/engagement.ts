import { complaintDueAt } from '@kith/schema';
import type { CustomerSeed, OrderSeed, SeedContext, StaffSeed } from './context.js';
import { DEMO_CURRENCY } from './context.js';
import type { DemoLocale } from './names.js';
import { COMPLAINTS, OPPORTUNITY_TITLES, REJECTION_REASONS, REVIEW_REPLIES, REVIEWS, STAGES, SURVEY_COMMENTS, SURVEYOR } from './texts.js';
import { must } from '../util/must.js';

export interface PipelineSeed { id: string; name: string; currency: string; created_at: Date }
export interface StageSeed { id: string; pipeline_id: string; name: string; position: number; probability: number; kind: string }
export interface OpportunitySeed {
  id: string; pipeline_id: string; stage_id: string; customer_id: string; title: string; amount: number; currency: string;
  expected_close: string; owner_id: string | null; rank: string; version: number;
  created_at: Date; updated_at: Date;
  /** Not stored: when a won or lost deal closed, and the stages it passed through (for the timeline). */
  closed_at: Date | null; path: StageSeed[];
}
/** One `feedback` row: the columns of its own kind set, the other kinds' null (see the migration). */
export interface FeedbackSeed {
  id: string; kind: 'review' | 'survey' | 'complaint'; customer_id: string | null; body: string | null;
  product_id: string | null; order_id: string | null; rating: number | null; title: string | null; author_name: string | null;
  language: DemoLocale | null; verified_purchase: boolean | null; moderation_status: 'pending' | 'published' | 'rejected' | null;
  rejection_reason: string | null; reply_body: string | null; reply_staff_id: string | null; replied_at: Date | null;
  metric: 'nps' | 'csat' | 'ces' | null; score: number | null;
  category: string | null; subject: string | null; contact_name: string | null; contact_email: string | null;
  contact_phone: string | null; complaint_status: 'open' | 'in_progress' | 'answered' | 'resolved' | 'closed' | null;
  due_at: Date | null; answered_at: Date | null; created_at: Date; updated_at: Date;
  /** Not stored: the third party that ran a survey, named on the timeline. */
  surveyor: string | null;
}

/** Fractional-index digits (byte order under COLLATE "C"): ranks `a0`, `a1`, … like common libraries. */
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const dateOnly = (d: Date): string => d.toISOString().slice(0, 10);

export function makePipeline(ctx: SeedContext, customers: readonly CustomerSeed[], staff: readonly StaffSeed[]) {
  const { rng } = ctx;
  const pipeline: PipelineSeed = { id: rng.uuid(), name: 'Wholesale & corporate', currency: DEMO_CURRENCY, created_at: ctx.ago(720) };
  const stages: StageSeed[] = STAGES.map((s, i) => ({ id: rng.uuid(), pipeline_id: pipeline.id, name: s.name, position: i, probability: s.probability, kind: s.kind }));
  const sales = staff.filter((s) => s.role === 'sales');
  const candidates = customers.filter((c) => c.kind === 'organisation' || c.key_account);
  const opportunities: OpportunitySeed[] = [];
  stages.forEach((stage, index) => {
    const count = rng.int(4, 7);
    for (let i = 0; i < count; i++) {
      const customer = rng.pick(candidates);
      const created = ctx.ago(rng.int(20, 200));
      const closed = stage.kind === 'open' ? null : ctx.ago(rng.int(3, 19));
      // Lost deals dropped out somewhere along the way; the others walked every stage up to theirs.
      const reached = stage.kind === 'lost' ? rng.int(1, 4) : index + 1;
      const path = stages.slice(0, reached);
      if (stage.kind === 'lost') path.push(stage);
      opportunities.push({
        id: rng.uuid(), pipeline_id: pipeline.id, stage_id: stage.id, customer_id: customer.id,
        title: rng.pick(OPPORTUNITY_TITLES),
        amount: rng.int(25, 500) * 10_000, currency: DEMO_CURRENCY,
        expected_close: dateOnly(closed ?? ctx.ago(-rng.int(7, 120))),
        owner_id: customer.owner_id ?? rng.pick(sales).id,
        rank: `a${BASE62[i]}`, version: path.length, closed_at: closed,
        created_at: created, updated_at: closed ?? ctx.ago(rng.int(1, 19)), path,
      });
    }
  });
  return { pipeline, stages, opportunities };
}

const blank = (ctx: SeedContext, kind: FeedbackSeed['kind'], created: Date): FeedbackSeed => ({
  id: ctx.rng.uuid(), kind, customer_id: null, body: null, product_id: null, order_id: null, rating: null, title: null,
  author_name: null, language: null, verified_purchase: null, moderation_status: null, rejection_reason: null,
  reply_body: null, reply_staff_id: null, replied_at: null, metric: null, score: null, category: null, subject: null,
  contact_name: null, contact_email: null, contact_phone: null, complaint_status: null, due_at: null, answered_at: null,
  created_at: created, updated_at: created, surveyor: null,
});

const GUESTS: Record<DemoLocale, string> = { en: 'Guest shopper', 'zh-Hans': '访客', 'zh-Hant': '訪客' };

const authorName = (c: CustomerSeed): string => (c.locale === 'en' ? c.name.replace(/ (\S)\S*$/, ' $1.') : `${c.name.slice(0, 1)}**`);

/**
 * Reviews (verified buyers and guests; published, pending, rejected, in all three
 * languages; public replies), third-party surveys, and complaints with a 24-hour deadline
 * (one of them overdue and still open).
 */
export function makeFeedback(ctx: SeedContext, customers: readonly CustomerSeed[], orders: readonly OrderSeed[], staff: readonly StaffSeed[]): FeedbackSeed[] {
  const { rng } = ctx;
  const byId = new Map(customers.map((c) => [c.id, c]));
  const support = staff.filter((s) => s.role === 'support');
  const feedback: FeedbackSeed[] = [];

  for (const order of orders) {
    const customer = must(byId.get(order.customer_id), 'the order\'s customer');
    if (customer.kind !== 'person' || order.status !== 'delivered' || !rng.chance(0.12)) continue;
    const line = rng.pick(order.lines);
    const rating = rng.pick([5, 5, 5, 5, 4, 4, 4, 3, 3, 2, 1]);
    const [title, body] = rng.pick(REVIEWS[customer.locale][rating >= 4 ? 'positive' : rating === 3 ? 'mixed' : 'negative']);
    const review = blank(ctx, 'review', ctx.past(ctx.plusHours(order.placed_at, 24 * rng.int(5, 20))));
    const roll = rng.next();
    Object.assign(review, {
      customer_id: customer.id, product_id: line.product_id, order_id: order.id, rating, title, body,
      author_name: authorName(customer), language: customer.locale, verified_purchase: true,
      moderation_status: roll < 0.72 ? 'published' : roll < 0.9 ? 'pending' : 'rejected',
    });
    feedback.push(review);
  }
  // Guests may review too: not a verified purchase, so the widget says so.
  const products = [...new Set(orders.flatMap((o) => o.lines.map((l) => l.product_id)))];
  for (const [i, language] of (['en', 'zh-Hans', 'zh-Hant', 'en', 'zh-Hans', 'zh-Hant'] as const).entries()) {
    const [title, body] = rng.pick(REVIEWS[language].mixed);
    const guest = blank(ctx, 'review', ctx.ago(rng.int(1, 90)));
    Object.assign(guest, { product_id: rng.pick(products), rating: 3, title, body, author_name: GUESTS[language], language, verified_purchase: false, moderation_status: i < 3 ? 'pending' : 'published' });
    feedback.push(guest);
  }
  // Every language has published and pending reviews (the moderation queue is never empty).
  for (const language of ['en', 'zh-Hans', 'zh-Hant'] as const) {
    const reviews = feedback.filter((f) => f.language === language);
    const published = reviews.filter((r) => r.moderation_status === 'published');
    if (published.length === 0) must(reviews[0], `a ${language} review`).moderation_status = 'published';
    if (!reviews.some((r) => r.moderation_status === 'pending')) {
      const target = reviews.find((r) => r.moderation_status === 'rejected') ?? (published.length > 1 ? published.at(-1) : undefined);
      if (!target) throw new Error(`demo seed: too few ${language} reviews`);
      target.moderation_status = 'pending';
    }
  }
  feedback.forEach((review, i) => {
    const language = must(review.language, 'a review language');
    if (review.moderation_status === 'published' && rng.chance(0.3)) {
      review.reply_body = must(REVIEW_REPLIES[language][(review.rating ?? 5) >= 3 ? 0 : 1], 'a reply text');
      review.replied_at = ctx.past(ctx.plusHours(review.created_at, rng.int(2, 30)));
      review.reply_staff_id = rng.pick(support).id;
      review.updated_at = review.replied_at;
    }
    // The moderator says why, picked without a PRNG draw so the rest of the demo stays put.
    const reasons = REJECTION_REASONS[language];
    if (review.moderation_status === 'rejected') review.rejection_reason = must(reasons[i % reasons.length], 'a reason');
  });

  const buyers = customers.filter((c) => c.last_order_at !== null);
  for (let i = 0; i < 60; i++) {
    const customer = rng.pick(buyers);
    const metric = i % 3 === 0 ? 'nps' : i % 3 === 1 ? 'csat' : 'ces';
    const score = metric === 'nps' ? rng.pick([10, 9, 9, 8, 7, 6, 3]) : metric === 'csat' ? rng.int(2, 5) : rng.int(1, 6);
    const survey = blank(ctx, 'survey', ctx.past(ctx.plusHours(must(customer.last_order_at, 'a last order'), 24 * rng.int(3, 10))));
    Object.assign(survey, { customer_id: customer.id, metric, score, surveyor: SURVEYOR, body: rng.chance(0.5) ? rng.pick(SURVEY_COMMENTS[customer.locale]) : null });
    feedback.push(survey);
  }

  const complainants = rng.sample(buyers.filter((c) => c.kind === 'person'), 14);
  complainants.forEach((customer, i) => {
    // 0: overdue and still open; 1: open, due later today; 2: being worked on; the rest answered in time.
    const created = i === 0 ? ctx.ago(30 / 24) : i === 1 ? ctx.ago(3 / 24) : i === 2 ? ctx.ago(10 / 24) : ctx.ago(rng.int(2, 200));
    const complaint = blank(ctx, 'complaint', created);
    const { category, subject, body } = rng.pick(COMPLAINTS[customer.locale]);
    const status = i === 0 || i === 1 ? 'open' : i === 2 ? 'in_progress' : rng.pick(['answered', 'resolved', 'resolved', 'closed'] as const);
    const answered = i > 2 ? ctx.plusHours(created, rng.int(1, 20)) : null;
    const settled = status === 'resolved' || status === 'closed' ? ctx.past(ctx.plusHours(must(answered, 'an answer'), rng.int(4, 72))) : null;
    // Reachable by e-mail, by phone, or both (the schema needs one of them).
    const mobile = customer.channels.find((c) => c.kind === 'mobile')?.value ?? null;
    Object.assign(complaint, {
      customer_id: customer.id, category, subject, body, complaint_status: status,
      contact_name: customer.name, contact_email: i % 4 === 1 ? null : customer.email, contact_phone: i % 2 === 1 ? mobile : null,
      due_at: complaintDueAt(created), answered_at: answered, updated_at: settled ?? answered ?? created,
    });
    feedback.push(complaint);
  });
  return feedback;
}
