import { applyValues, makeOrders, makeProducts, makeQuoteOnlyProduct } from './commerce.js';
import { SeedContext } from './context.js';
import { makeFeedback, makePipeline } from './engagement.js';
import { makeLoyalty } from './loyalty.js';
import { makeCustomers, makeStaff, SAMPLE_NAME } from './people.js';
import { sampleProducts } from './sample-products.js';
import { makeTimeline } from './timeline.js';
import { must } from '../util/must.js';

/** The whole demo data set, as rows per table. Deterministic for a given `now`. */
export type DemoData = ReturnType<typeof generateDemo>;

/**
 * Generates the demo shop in memory (no database): people, catalogue, orders and the
 * value they drive, a pipeline, feedback, the members' club, and timelines.
 */
export function generateDemo(now: Date) {
  const ctx = new SeedContext(now);
  const { rng } = ctx;
  const staff = makeStaff(ctx);
  const customers = makeCustomers(ctx);
  const products = makeProducts(ctx);
  const orders = makeOrders(ctx, customers, products);
  applyValues(ctx, customers, orders);

  // Account managers: organisations and key accounts always have one, others sometimes.
  const sales = staff.filter((s) => s.role === 'sales');
  const byId = new Map(customers.map((c) => [c.id, c]));
  for (const c of customers) {
    const organisation = c.organisation_id ? byId.get(c.organisation_id) : undefined;
    if (c.kind === 'organisation' || c.key_account || rng.chance(0.25)) c.owner_id = rng.pick(sales).id;
    if (organisation) c.owner_id = organisation.owner_id ?? rng.pick(sales).id;
  }

  const { pipeline, stages, opportunities } = makePipeline(ctx, customers, staff);
  const feedback = makeFeedback(ctx, customers, orders, staff);
  const loyalty = makeLoyalty(ctx, customers, orders, feedback);
  const interactions = makeTimeline(ctx, {
    customers, staff, orders, feedback, ledger: loyalty.ledger, opportunities,
    stageNames: new Map(stages.map((s) => [s.id, s.name])),
  });
  const sample = must(customers.find((c) => c.name === SAMPLE_NAME), 'the sample customer');
  const catalogue = [...products, makeQuoteOnlyProduct(ctx)];
  return {
    staff, customers, products: catalogue, orders, orderLines: orders.flatMap((o) => o.lines),
    pipeline, stages, opportunities, feedback, ...loyalty, interactions,
    sampleCustomerId: sample.id,
    ...sampleProducts({ products: catalogue, feedback, orders, sampleCustomerId: sample.id }),
  };
}
