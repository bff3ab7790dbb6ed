// The data of `npm run bench:elements`, written straight into the in-process server's database
// with the demo seed's own bulk insert (one statement per table: 10,000 single POSTs would take
// minutes): one customer with 10,000 interactions, and one pipeline of six stages with 2,000
// opportunities. Everything belongs to the staff user the pages' token speaks for, so the
// server's visibility rules show all of it. Deterministic (the seed's PRNG), dated back from now.
import { InteractionChannel, type InteractionDirection, type InteractionPhase, type InteractionType } from '@kith/schema';
import type { Queryable } from '../../packages/server/src/db/database.js';
import { spreadRanks } from '../../packages/server/src/opportunities/rank.js';
import { bulkInsert } from '../../packages/server/src/seed/bulk-insert.js';
import { Random } from '../../packages/server/src/seed/random.js';
import { OPPORTUNITY_TITLES, STAGES } from '../../packages/server/src/seed/texts.js';

const DAY = 86_400_000;
const CURRENCY = 'EUR';

/** Per type: how it goes and what its line says (the channel fills `{c}`), some with a body. */
const KINDS: Record<InteractionType, { direction: InteractionDirection; phase: InteractionPhase; summaries: readonly string[]; bodies?: readonly string[] }> = {
  note: {
    direction: 'internal', phase: 'pre_sale',
    summaries: ['Prefers evening deliveries', 'Asked to be called back after the holidays', 'Budget confirmed by the buyer', 'Interested in the autumn wool range', 'Wants samples before ordering'],
    bodies: ['Spoke with the buyer at length: they want the navy and the charcoal in sizes S–XL, delivery before the 15th, invoice to the head office.', 'Follow up next week; they are comparing us with two other suppliers. Price matters less than the delivery date.'],
  },
  call: { direction: 'outbound', phase: 'pre_sale', summaries: ['Discovery call about the spring order', 'Call about the late delivery', 'Returned the customer’s call ({c})', 'Call-back requested via {c}'] },
  meeting: { direction: 'outbound', phase: 'pre_sale', summaries: ['Showroom visit with the buying team', 'Styling appointment arranged via {c}', 'Contract signed in the store', 'Follow-up visit after delivery'] },
  order: { direction: 'inbound', phase: 'sale', summaries: ['Order #{n} placed via {c}', 'Repeat order #{n} placed'], bodies: ['3 item(s), €214.00', '1 item(s), €89.90', '12 item(s), €1,480.00'] },
  ticket: { direction: 'inbound', phase: 'after_sale', summaries: ['Size exchange requested via {c}', 'Return of #{n} requested (30-day returns)', 'Question about care instructions'] },
  complaint: {
    direction: 'inbound', phase: 'after_sale', summaries: ['Complaint (delivery): parcel arrived damaged', 'Complaint (product): seam came apart after one wash'],
    bodies: ['The box was crushed and the jacket inside has a tear on the left sleeve. I would like a replacement, not a refund.'],
  },
  review: { direction: 'inbound', phase: 'after_sale', summaries: ['5-star review: Perfect fit', '4-star review: Lovely fabric, runs small', '2-star review: Colour not as pictured'], bodies: ['Ordered my usual size and it fits perfectly. The fabric feels heavier than expected, in a good way.'] },
  survey: { direction: 'inbound', phase: 'after_sale', summaries: ['NPS survey by Insight Panel Research (independent): 9', 'CSAT survey: 4 of 5'] },
  points: { direction: 'outbound', phase: 'after_sale', summaries: ['+120 points for order #{n}', '+500 points for referring a friend', '−300 points redeemed for a voucher'] },
  stage_change: { direction: 'internal', phase: 'sale', summaries: ['Moved to Qualified', 'Moved to Proposal', 'Moved to Negotiation', 'Moved to Won'] },
  notification: { direction: 'outbound', phase: 'sale', summaries: ['Order confirmation #{n}', 'Your order #{n} has shipped', 'Order #{n} delivered', 'Refund of €89.90 issued for #{n}'] },
};
const TYPES = Object.keys(KINDS) as InteractionType[];
const PHASES: readonly InteractionPhase[] = ['pre_sale', 'sale', 'after_sale'];

/** How many opportunities sit in each of the six stages (Lead … Lost): 2,000 in all. */
const PER_STAGE = [600, 450, 350, 250, 200, 150];

export interface BenchData {
  /** The customer with the 10,000-event timeline. */
  customerId: string;
  interactions: number;
  pipelineId: string;
  opportunities: number;
  stages: { id: string; name: string; count: number }[];
}

/** Writes the benchmark's customer, timeline and pipeline; `staffId` owns them all. */
export async function seedBench(db: Queryable, options: { staffId: string; interactions: number; now?: Date }): Promise<BenchData> {
  const rng = new Random(0x6b_17_be_c4);
  const now = options.now ?? new Date();
  const { staffId } = options;
  const ago = (days: number) => new Date(now.getTime() - days * DAY);

  const customerId = rng.uuid();
  await bulkInsert(
    db,
    'customers',
    { id: 'uuid', external_id: 'text', kind: 'text', name: 'text', company: 'text', owner_id: 'uuid', locale: 'text', currency: 'text', created_at: 'timestamptz', updated_at: 'timestamptz' },
    [{ id: customerId, external_id: 'bench-timeline-10k', kind: 'organisation', name: 'Harbour & Pine Outfitters (benchmark)', company: null, owner_id: staffId, locale: 'en', currency: CURRENCY, created_at: ago(1200), updated_at: ago(1) }],
  );

  // Newest first from an hour ago back over about three years: several events on most days.
  const rows = [];
  let at = now.getTime() - 3_600_000;
  for (let i = 0; i < options.interactions; i++) {
    at -= rng.int(60_000, 6 * 3_600_000);
    const type = rng.pick(TYPES);
    const kind = KINDS[type];
    const channel = rng.pick(InteractionChannel.options);
    const fill = (text: string) => text.replace('{c}', channel).replace('{n}', String(10_000 + rng.int(0, 89_999)));
    const direction = type === 'note' || type === 'stage_change' ? kind.direction : rng.chance(0.8) ? kind.direction : rng.pick(['inbound', 'outbound'] as const);
    rows.push({
      id: rng.uuid(), customer_id: customerId, channel, type, direction,
      phase: rng.chance(0.85) ? kind.phase : rng.pick(PHASES),
      summary: fill(rng.pick(kind.summaries)),
      body: kind.bodies && rng.chance(0.4) ? rng.pick(kind.bodies) : null,
      staff_id: direction === 'inbound' ? null : staffId,
      occurred_at: new Date(at), created_at: new Date(at),
    });
  }
  await bulkInsert(
    db,
    'interactions',
    { id: 'uuid', customer_id: 'uuid', channel: 'text', type: 'text', direction: 'text', phase: 'text', summary: 'text', body: 'text', staff_id: 'uuid', occurred_at: 'timestamptz', created_at: 'timestamptz' },
    rows,
  );

  // The deals belong to the staff user's other customers (not the timeline's: a move writes a
  // stage change on its customer's timeline).
  const { rows: owned } = await db.query<{ id: string; name: string }>('SELECT id, name FROM customers WHERE owner_id = $1 AND id <> $2 ORDER BY name LIMIT 60', [staffId, customerId]);
  const customers = owned.length > 0 ? owned : [{ id: customerId, name: 'Harbour & Pine Outfitters' }];

  const pipelineId = rng.uuid();
  await bulkInsert(db, 'pipelines', { id: 'uuid', name: 'text', currency: 'text', created_at: 'timestamptz' }, [{ id: pipelineId, name: 'Benchmark: 2,000 deals', currency: CURRENCY, created_at: ago(400) }]);
  const stages = STAGES.map((s, position) => ({ id: rng.uuid(), pipeline_id: pipelineId, name: s.name, position, probability: s.probability, kind: s.kind }));
  await bulkInsert(db, 'stages', { id: 'uuid', pipeline_id: 'uuid', name: 'text', position: 'int4', probability: 'int4', kind: 'text' }, stages);
  const deals = stages.flatMap((stage, s) => {
    const ranks = spreadRanks(PER_STAGE[s] ?? 0);
    return ranks.map((rank) => {
      const customer = rng.pick(customers);
      const created = ago(rng.int(10, 300));
      return {
        id: rng.uuid(), pipeline_id: pipelineId, stage_id: stage.id, customer_id: customer.id,
        title: `${rng.pick(OPPORTUNITY_TITLES)} — ${customer.name}`,
        amount: rng.int(5, 800) * 10_000, currency: CURRENCY,
        expected_close: ago(-rng.int(-30, 180)).toISOString().slice(0, 10),
        owner_id: staffId, rank, version: 1, created_at: created, updated_at: created,
      };
    });
  });
  await bulkInsert(
    db,
    'opportunities',
    { id: 'uuid', pipeline_id: 'uuid', stage_id: 'uuid', customer_id: 'uuid', title: 'text', amount: 'int8', currency: 'text', expected_close: 'date', owner_id: 'uuid', rank: 'text', version: 'int4', created_at: 'timestamptz', updated_at: 'timestamptz' },
    deals,
  );
  return {
    customerId,
    interactions: rows.length,
    pipelineId,
    opportunities: deals.length,
    stages: stages.map((s, i) => ({ id: s.id, name: s.name, count: PER_STAGE[i] ?? 0 })),
  };
}
