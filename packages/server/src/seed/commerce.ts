import { customerValues } from '../analytics/value.js';
import { DEMO_CURRENCY, type Archetype, type CustomerSeed, type OrderSeed, type ProductSeed, type SeedContext } from './context.js';
import { PRODUCTS, slug } from './texts.js';
import { must } from '../util/must.js';

/** Nothing older than three years. */
const MAX_AGE_DAYS = 1095;

/** The catalogue: listed before the oldest order, prices last reviewed a month ago. */
export function makeProducts(ctx: SeedContext): ProductSeed[] {
  return PRODUCTS.map((p, i) => ({
    id: ctx.rng.uuid(),
    external_id: `SKU-${1001 + i}`,
    name: p.name,
    url: `https://shop.example.com/p/${slug(p.name)}`,
    image_url: `https://shop.example.com/img/${slug(p.name)}.jpg`,
    price: p.price,
    currency: DEMO_CURRENCY,
    created_at: ctx.ago(MAX_AGE_DAYS + 30),
    updated_at: ctx.ago(30),
  }));
}

/**
 * A made-to-measure service quoted per customer: a product without a list price (the shop
 * does not sync one). Never in an order; made last so no earlier PRNG draw moves.
 */
export function makeQuoteOnlyProduct(ctx: SeedContext): Omit<ProductSeed, 'price' | 'currency'> & { price: null; currency: null } {
  const name = 'Made-to-measure suit';
  return {
    id: ctx.rng.uuid(), external_id: `SKU-${1001 + PRODUCTS.length}`, name, url: `https://shop.example.com/p/${slug(name)}`,
    image_url: `https://shop.example.com/img/${slug(name)}.jpg`, price: null, currency: null,
    created_at: ctx.ago(200), updated_at: ctx.ago(200),
  };
}

/** Free shipping from €50 after discounts, else €4.95. */
const FREE_SHIPPING_FROM = 5000;
const SHIPPING = 495;
/** Organisations buy wholesale with a 10 % trade discount. */
const TRADE_DISCOUNT = 0.1;
/** Prices include 20 % VAT (a European shop); `tax` is the VAT share of the total. */
const VAT = 0.2;

/** An order's totals as the shop would report them. No PRNG draws: the rest of the demo stays put. */
function totals(subtotal: number, wholesale: boolean): Pick<OrderSeed, 'subtotal' | 'discount' | 'tax' | 'shipping' | 'total'> {
  const discount = wholesale ? Math.round(subtotal * TRADE_DISCOUNT) : 0;
  const shipping = subtotal - discount >= FREE_SHIPPING_FROM ? 0 : SHIPPING;
  const total = subtotal - discount + shipping;
  return { subtotal, discount, tax: total - Math.round(total / (1 + VAT)), shipping, total };
}

/** Orders per archetype: how many, days since the last one, days between them. */
const PLANS: Record<Archetype, { count: [number, number]; last: [number, number]; cadence: [number, number] }> = {
  champion: { count: [8, 16], last: [2, 20], cadence: [15, 40] },
  loyal: { count: [5, 9], last: [15, 60], cadence: [30, 70] },
  new: { count: [1, 1], last: [1, 20], cadence: [1, 1] },
  promising: { count: [2, 3], last: [5, 30], cadence: [10, 30] },
  at_risk: { count: [4, 8], last: [120, 250], cadence: [30, 60] },
  cannot_lose: { count: [10, 16], last: [150, 300], cadence: [20, 40] },
  hibernating: { count: [1, 3], last: [200, 400], cadence: [40, 100] },
  lost: { count: [1, 2], last: [400, 900], cadence: [60, 150] },
  none: { count: [0, 0], last: [0, 0], cadence: [1, 1] },
};


function status(ctx: SeedContext, daysAgo: number): OrderSeed['status'] {
  const { rng } = ctx;
  if (daysAgo < 2) return rng.pick(['pending', 'paid']);
  if (daysAgo < 6) return 'shipped';
  // The fashion retailer's 30-day returns; a few cancellations and refunds.
  const roll = rng.next();
  if (roll < 0.05) return 'returned';
  if (roll < 0.07) return 'cancelled';
  if (roll < 0.08) return 'refunded';
  return 'delivered';
}

/**
 * Orders that follow each customer's archetype (so RFM scores spread over the grid),
 * with lines from the catalogue; organisations buy in bulk. External ids follow time.
 */
export function makeOrders(ctx: SeedContext, customers: readonly CustomerSeed[], products: readonly ProductSeed[]): OrderSeed[] {
  const { rng } = ctx;
  const orders: OrderSeed[] = [];
  for (const customer of customers) {
    const plan = PLANS[customer.archetype];
    const count = rng.int(...plan.count);
    let daysAgo = rng.int(...plan.last) + rng.next();
    const cadence = rng.int(...plan.cadence);
    for (let k = 0; k < count && daysAgo < MAX_AGE_DAYS; k++) {
      const placed = ctx.ago(daysAgo);
      const id = rng.uuid();
      const bulk = customer.kind === 'organisation';
      const lines = rng.sample(products, rng.int(bulk ? 2 : 1, bulk ? 5 : 3)).map((product, i) => {
        const quantity = bulk ? rng.int(5, 40) : rng.chance(0.8) ? 1 : 2;
        return {
          order_id: id, line_no: i + 1, product_id: product.id, external_product_id: product.external_id, name: product.name,
          quantity, unit_price: product.price, total: quantity * product.price,
        };
      });
      const s = status(ctx, daysAgo);
      orders.push({
        id,
        external_id: '',
        customer_id: customer.id,
        status: s,
        ...totals(lines.reduce((sum, l) => sum + l.total, 0), bulk),
        currency: DEMO_CURRENCY,
        placed_at: placed,
        created_at: placed,
        updated_at: ctx.past(ctx.plusHours(placed, s === 'pending' || s === 'paid' ? 1 : rng.int(24, 24 * 20))),
        lines,
      });
      daysAgo += cadence * (0.7 + 0.6 * rng.next());
    }
  }
  orders.sort((a, b) => a.placed_at.getTime() - b.placed_at.getTime());
  orders.forEach((order, i) => (order.external_id = `KS-${100001 + i}`));
  return orders;
}

/** Writes lifetime value, RFM, segment, key account and churn risk onto the customers. */
export function applyValues(ctx: SeedContext, customers: CustomerSeed[], orders: readonly OrderSeed[]): void {
  const values = customerValues(
    customers.map((c) => c.id),
    orders.map((o) => ({ customerId: o.customer_id, status: o.status, total: o.total, placedAt: o.placed_at })),
    ctx.now,
  );
  const firstAny = new Map<string, Date>();
  for (const o of orders) if (!firstAny.has(o.customer_id)) firstAny.set(o.customer_id, o.placed_at); // sorted by time
  for (const customer of customers) {
    const v = must(values.get(customer.id), 'value figures');
    customer.lifetime_value = v.lifetimeValue;
    customer.order_count = v.orderCount;
    customer.first_order_at = v.firstOrderAt;
    customer.last_order_at = v.lastOrderAt;
    customer.rfm_recency = v.rfm?.recency ?? null;
    customer.rfm_frequency = v.rfm?.frequency ?? null;
    customer.rfm_monetary = v.rfm?.monetary ?? null;
    customer.segment = v.segment;
    customer.key_account = v.keyAccount;
    customer.churn_level = v.churn?.level ?? null;
    customer.churn_score = v.churn?.score ?? null;
    if (v.keyAccount && !customer.tags.includes('vip')) customer.tags.push('vip');
    // Customers exist before their first order.
    const first = firstAny.get(customer.id);
    if (first && customer.created_at > first) customer.created_at = ctx.plusHours(first, -24 * ctx.rng.int(1, 60));
    const lastChange = v.lastOrderAt ?? customer.created_at;
    customer.updated_at = lastChange > customer.created_at ? lastChange : customer.created_at;
  }
}
