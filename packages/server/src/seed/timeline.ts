import { InteractionChannel, InteractionType, type InteractionDirection, type InteractionPhase } from '@kith/schema';
import type { CustomerSeed, OrderSeed, SeedContext, StaffSeed } from './context.js';
import type { FeedbackSeed, OpportunitySeed } from './engagement.js';
import type { LedgerSeed } from './loyalty.js';
import { must } from '../util/must.js';

type Channel = InteractionChannel;
type Type = InteractionType;
type Direction = InteractionDirection;
type Phase = InteractionPhase;

export interface InteractionSeed {
  id: string; customer_id: string; channel: Channel; type: Type; direction: Direction; phase: Phase;
  summary: string; body: string | null; staff_id: string | null; order_id: string | null;
  opportunity_id: string | null; feedback_id: string | null; occurred_at: Date; created_at: Date;
}

const euro = (minor: number): string => `€${(minor / 100).toFixed(2)}`;

const LABEL: Record<Channel, string> = {
  phone: 'phone', email: 'e-mail', web: 'the website', mobile: 'the mobile app', sms: 'SMS', chat: 'live chat',
  visit: 'a store visit', fax: 'fax', social: 'social media',
};

/** A plausible summary, direction and phase for any channel × type, used to fill gaps. */
const FILL: Record<Type, { summary: (label: string) => string; direction: Direction; phase: Phase }> = {
  note: { summary: (l) => `Note after contact by ${l}: prefers evening deliveries`, direction: 'internal', phase: 'pre_sale' },
  call: { summary: (l) => `Call-back requested via ${l}`, direction: 'inbound', phase: 'pre_sale' },
  meeting: { summary: (l) => `Styling appointment arranged via ${l}`, direction: 'outbound', phase: 'pre_sale' },
  order: { summary: (l) => `Order placed via ${l}`, direction: 'inbound', phase: 'sale' },
  ticket: { summary: (l) => `Size exchange requested via ${l}`, direction: 'inbound', phase: 'after_sale' },
  complaint: { summary: (l) => `Complaint received via ${l}`, direction: 'inbound', phase: 'after_sale' },
  review: { summary: (l) => `Review shared via ${l}`, direction: 'inbound', phase: 'after_sale' },
  survey: { summary: (l) => `Satisfaction survey answered via ${l}`, direction: 'inbound', phase: 'after_sale' },
  points: { summary: (l) => `Points statement sent by ${l}`, direction: 'outbound', phase: 'after_sale' },
  stage_change: { summary: (l) => `Deal moved on after contact by ${l}`, direction: 'internal', phase: 'sale' },
  notification: { summary: (l) => `Delivery update sent by ${l}`, direction: 'outbound', phase: 'sale' },
};

/**
 * The timelines: order placed + confirmation e-mail + shipping SMS + delivery e-mail;
 * returns by phone or web within 30 days; reviews, third-party surveys, complaints; points
 * news; pre-sale calls, visits and stage changes, contract signing and after-sale
 * follow-up visits for deals; then every channel × type pair still missing, so the
 * timeline shows all 99.
 */
export function makeTimeline(
  ctx: SeedContext,
  data: { customers: readonly CustomerSeed[]; staff: readonly StaffSeed[]; orders: readonly OrderSeed[]; feedback: readonly FeedbackSeed[]; ledger: readonly LedgerSeed[]; opportunities: readonly OpportunitySeed[]; stageNames: Map<string, string> },
): InteractionSeed[] {
  const { rng } = ctx;
  const items: InteractionSeed[] = [];
  const byId = new Map(data.customers.map((c) => [c.id, c]));
  const support = data.staff.filter((s) => s.role === 'support');
  // Recorded when it happened (created_at = occurred_at): the demo has no back-dated entries.
  const add = (i: Omit<InteractionSeed, 'id' | 'body' | 'staff_id' | 'order_id' | 'opportunity_id' | 'feedback_id' | 'created_at'> & Partial<InteractionSeed>) => {
    const at = ctx.past(i.occurred_at);
    items.push({ id: rng.uuid(), body: null, staff_id: null, order_id: null, opportunity_id: null, feedback_id: null, ...i, occurred_at: at, created_at: at });
  };

  for (const o of data.orders) {
    const customer = must(byId.get(o.customer_id), 'the order\'s customer');
    const bulk = customer.kind === 'organisation';
    const channel: Channel = bulk ? rng.pick(['email', 'fax', 'phone', 'web']) : rng.pick(['web', 'web', 'web', 'mobile', 'mobile', 'phone']);
    const base = { customer_id: o.customer_id, order_id: o.id };
    add({ ...base, channel, type: 'order', direction: 'inbound', phase: 'sale', summary: `Order ${o.external_id} placed`, body: `${o.lines.length} item(s), ${euro(o.total)}`, occurred_at: o.placed_at });
    if (o.status === 'cancelled') continue;
    add({ ...base, channel: 'email', type: 'notification', direction: 'outbound', phase: 'sale', summary: `Order confirmation ${o.external_id}`, occurred_at: ctx.plusHours(o.placed_at, 0.02) });
    if (o.status === 'pending' || o.status === 'paid') continue;
    const wantsSms = customer.channels.some((c) => c.kind === 'sms' || c.kind === 'mobile');
    add({ ...base, channel: wantsSms ? 'sms' : 'email', type: 'notification', direction: 'outbound', phase: 'sale', summary: `Your order ${o.external_id} has shipped`, occurred_at: ctx.plusHours(o.placed_at, rng.int(20, 40)) });
    if (o.status === 'shipped') continue;
    add({ ...base, channel: 'email', type: 'notification', direction: 'outbound', phase: 'after_sale', summary: `Order ${o.external_id} delivered`, occurred_at: ctx.plusHours(o.placed_at, rng.int(60, 110)) });
    if (o.status === 'returned' || o.status === 'refunded') {
      const byPhone = rng.chance(0.5);
      add({ ...base, channel: byPhone ? 'phone' : 'web', type: 'ticket', direction: 'inbound', phase: 'after_sale', staff_id: byPhone ? rng.pick(support).id : null, summary: `Return of ${o.external_id} requested (30-day returns)`, occurred_at: ctx.plusHours(o.placed_at, 24 * rng.int(6, 25)) });
      add({ ...base, channel: 'email', type: 'notification', direction: 'outbound', phase: 'after_sale', summary: `Refund of ${euro(o.total)} issued for ${o.external_id}`, occurred_at: ctx.plusHours(o.placed_at, 24 * rng.int(26, 30)) });
    }
  }

  for (const f of data.feedback) {
    if (!f.customer_id) continue;
    const base = { customer_id: f.customer_id, feedback_id: f.id, phase: 'after_sale' as const, occurred_at: f.created_at };
    if (f.kind === 'review') add({ ...base, channel: rng.pick(['web', 'mobile']), type: 'review', direction: 'inbound', summary: `${f.rating}-star review: ${f.title}`, body: f.body });
    if (f.kind === 'survey') add({ ...base, channel: 'email', type: 'survey', direction: 'inbound', summary: `${(f.metric ?? 'survey').toUpperCase()} survey by ${f.surveyor}: ${f.score}`, body: f.body });
    if (f.kind === 'complaint') {
      add({ ...base, channel: rng.pick(['web', 'phone', 'chat', 'social']), type: 'complaint', direction: 'inbound', summary: `Complaint (${f.category}): ${f.subject}`, body: f.body });
      if (f.answered_at) add({ ...base, channel: 'email', type: 'ticket', direction: 'outbound', staff_id: rng.pick(support).id, summary: 'Complaint answered within 24 hours', occurred_at: f.answered_at });
    }
  }

  for (const l of data.ledger) {
    if (l.reason === 'purchase') continue;
    const what = l.reason === 'referral' ? `for referring ${byId.get(l.referred_customer_id ?? '')?.name ?? 'a friend'}` : l.note ?? l.reason;
    add({ customer_id: l.customer_id, channel: rng.pick(['email', 'mobile']), type: 'points', direction: 'outbound', phase: 'after_sale', summary: `${l.points > 0 ? '+' : ''}${l.points} points ${what}`, feedback_id: l.feedback_id, occurred_at: l.created_at });
  }

  for (const o of data.opportunities) {
    const base = { customer_id: o.customer_id, opportunity_id: o.id, staff_id: o.owner_id };
    add({ ...base, channel: 'phone', type: 'call', direction: 'outbound', phase: 'pre_sale', summary: `Discovery call: ${o.title}`, occurred_at: o.created_at });
    add({ ...base, channel: 'visit', type: 'meeting', direction: 'outbound', phase: 'pre_sale', summary: `Showroom visit: ${o.title}`, occurred_at: ctx.plusHours(o.created_at, 24 * rng.int(2, 10)) });
    o.path.slice(1).forEach((stage, i) =>
      add({ ...base, channel: 'web', type: 'stage_change', direction: 'internal', phase: stage.kind === 'open' ? 'pre_sale' : 'sale', summary: `Moved to ${data.stageNames.get(stage.id)}`, occurred_at: ctx.plusHours(o.created_at, 24 * (i + 1) * rng.int(3, 8)) }),
    );
    if (o.closed_at && o.path.at(-1)?.kind === 'won') {
      add({ ...base, channel: 'visit', type: 'meeting', direction: 'outbound', phase: 'sale', summary: `Contract signed: ${o.title}`, occurred_at: o.closed_at });
      add({ ...base, channel: 'visit', type: 'meeting', direction: 'outbound', phase: 'after_sale', summary: 'Follow-up visit after delivery', occurred_at: ctx.plusHours(o.closed_at, 24 * 2) });
    }
    if (rng.chance(0.5)) add({ ...base, channel: 'web', type: 'note', direction: 'internal', phase: 'pre_sale', summary: 'Budget confirmed by the buyer', occurred_at: ctx.plusHours(o.created_at, 24) });
  }

  const seen = new Set(items.map((i) => `${i.channel}/${i.type}`));
  const people = data.customers.filter((c) => c.kind === 'person' && c.order_count > 0);
  for (const channel of InteractionChannel.options) {
    for (const type of InteractionType.options) {
      if (seen.has(`${channel}/${type}`)) continue;
      const fill = FILL[type];
      add({ customer_id: rng.pick(people).id, channel, type, direction: fill.direction, phase: fill.phase, staff_id: fill.direction === 'inbound' ? null : rng.pick(data.staff).id, summary: fill.summary(LABEL[channel]), occurred_at: ctx.ago(rng.int(1, 300)) });
    }
  }
  return items;
}
