// The example shop's own backend (a real shop's server would do the same in its own stack): its
// sign-in, the Kith customer token it mints for the signed-in shopper with the shop's SECRET
// key (which never leaves this process), and a demo checkout that reports each order to Kith.
// Mounted at /storefront/api/ on the examples origin.
//
// The demo has no passwords: the sign-in page offers a few demo shoppers to sign in as. A real
// shop checks its own credentials here and knows its shoppers' Kith ids (it ingested them).
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Hono } from 'hono';
import { failure, sessions } from '../server/sessions.mjs';

const SHOPPERS_SHOWN = 6;
/** A demo checkout: a handful of one product per order. */
const MAX_QUANTITY = 10;
/** The shop's own prices, VAT included (a European shop), as the demo data has them. */
const VAT = 0.2;
const FREE_SHIPPING_FROM = 5000;
const SHIPPING = 495;

/** The shop's catalogue: its own data, the same file the pages read. Read once, on first use. */
let catalogue;
const products = async () =>
  (catalogue ??= readFile(new URL('./catalogue.json', import.meta.url), 'utf8').then((text) => JSON.parse(text).products));

/** An order number a shopper can read out on the phone: KS- and eight hex digits. */
const orderNumber = () => `KS-${randomBytes(4).toString('hex').toUpperCase()}`;

/** The order as Kith's ingestion takes it (packages/schema/src/api-ingestion.ts, IngestOrder). */
function orderFor(product, quantity, customerId, externalId, now) {
  const money = (amount) => ({ amount, currency: product.price.currency });
  const subtotal = product.price.amount * quantity;
  const shipping = subtotal >= FREE_SHIPPING_FROM ? 0 : SHIPPING;
  const total = subtotal + shipping;
  return {
    externalId,
    customerId,
    status: 'paid',
    lines: [{ externalProductId: product.sku, name: product.name, quantity, unitPrice: money(product.price.amount), total: money(subtotal) }],
    subtotal: money(subtotal),
    tax: money(total - Math.round(total / (1 + VAT))),
    shipping: money(shipping),
    total: money(total),
    placedAt: now.toISOString(),
  };
}

/** @param {{ kith: ReturnType<typeof import('../server/kith-api.mjs').kithApi> }} site */
export function storefrontBackend(site) {
  /** @type {ReturnType<typeof sessions<{ customerId: string, name: string }>>} */
  const shoppers = sessions('kith_example_shop');
  /**
   * The orders placed here, by order number, for their confirmation page. In memory like the
   * sessions: a real shop has them in its own database (Kith has a copy for the CRM).
   * @type {Map<string, { customerId: string, order: object }>}
   */
  const orders = new Map();
  const app = new Hono();
  app.use('*', async (c, next) => {
    await next();
    // Who is signed in, their token and their orders: never from a cache.
    c.header('Cache-Control', 'no-store');
  });

  /** Demo shoppers to sign in as: the sample customer (orders, a loyalty account) first, then a few others. */
  app.get('/shoppers', async (c) => {
    const { sampleCustomerId } = site.kith.demo ?? {};
    const [sample, page] = await Promise.all([
      sampleCustomerId ? site.kith.call('GET', `/v1/customers/${sampleCustomerId}`).catch(() => null) : null,
      site.kith.call('GET', `/v1/customers?limit=${SHOPPERS_SHOWN}&kind=person`),
    ]);
    const others = page.items.filter((customer) => customer.id !== sample?.id);
    const items = [...(sample ? [{ ...sample, sample: true }] : []), ...others].slice(0, SHOPPERS_SHOWN);
    return c.json({ items: items.map((customer) => ({ id: customer.id, name: customer.name, sample: customer.sample === true })) });
  });

  app.post('/sign-in', async (c) => {
    const body = await c.req.json().catch(() => null);
    const customerId = typeof body?.customerId === 'string' ? body.customerId : null;
    if (!customerId || !/^[0-9a-f-]{36}$/i.test(customerId)) return failure(c, 400, 'validation_failed', 'Choose a shopper to sign in as.');
    const customer = await site.kith.call('GET', `/v1/customers/${customerId}`).catch(() => null);
    if (!customer) return failure(c, 401, 'unauthenticated', 'No such shopper.');
    shoppers.start(c, { customerId: customer.id, name: customer.name });
    return c.json({ customer: { id: customer.id, name: customer.name } });
  });

  app.post('/sign-out', (c) => {
    shoppers.end(c);
    return c.body(null, 204);
  });

  /** Who is signed in; `customer: null` for a guest (a normal answer, not an error: every page asks). */
  app.get('/me', (c) => {
    const shopper = shoppers.read(c);
    return c.json({ customer: shopper ? { id: shopper.customerId, name: shopper.name } : null });
  });

  /** A fresh customer token for the signed-in shopper: their own points, orders and feedback. */
  app.post('/token', async (c) => {
    const shopper = shoppers.read(c);
    if (!shopper) return failure(c, 401, 'unauthenticated', 'Sign in first.');
    const { token, expiresAt } = await site.kith.mintToken({ kind: 'customer', subject: shopper.customerId });
    return c.json({ token, expiresAt });
  });

  /**
   * The demo checkout: prices from the shop's own catalogue (never from the page), the order
   * reported to Kith with the secret key — its value, RFM and the shopper's points follow there,
   * and a review of the product by this shopper becomes a verified purchase.
   */
  app.post('/orders', async (c) => {
    const shopper = shoppers.read(c);
    if (!shopper) return failure(c, 401, 'unauthenticated', 'Sign in to buy.');
    const body = await c.req.json().catch(() => null);
    const product = (await products()).find((p) => p.sku === body?.sku);
    if (!product) return failure(c, 400, 'validation_failed', 'No such product.');
    const quantity = body?.quantity ?? 1;
    if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_QUANTITY) {
      return failure(c, 400, 'validation_failed', `Choose a quantity from 1 to ${MAX_QUANTITY}.`);
    }
    const order = orderFor(product, quantity, shopper.customerId, orderNumber(), new Date());
    try {
      await site.kith.call('PUT', '/v1/ingest/orders', order);
    } catch (error) {
      // The shop would still take the order and report it later; the demo says so instead.
      return failure(c, 502, 'upstream_failed', `The order could not be recorded: ${error.message}`);
    }
    orders.set(order.externalId, { customerId: shopper.customerId, order });
    return c.json({ order }, 201);
  });

  /** One of the signed-in shopper's own orders, for its confirmation page. */
  app.get('/orders/:externalId', async (c) => {
    const shopper = shoppers.read(c);
    if (!shopper) return failure(c, 401, 'unauthenticated', 'Sign in to see your order.');
    const number = c.req.param('externalId');
    const kept = orders.get(number);
    if (kept?.customerId === shopper.customerId) return c.json({ order: kept.order });
    // Not kept here (the shop's server restarted since): Kith has the shopper's orders too.
    // Someone else's order is "not found" either way: order numbers are not secrets.
    const recent = kept ? null : await site.kith.call('GET', `/v1/customers/${shopper.customerId}/orders?limit=100`).catch(() => null);
    const found = recent?.items.find((order) => order.externalId === number);
    return found ? c.json({ order: found }) : failure(c, 404, 'not_found', 'No such order.');
  });

  return app;
}
