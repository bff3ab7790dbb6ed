// Ingestion: how a shop's server (secret key only) syncs its customers, catalogue, orders
// and points in. Single routes answer the record (201 created / 200 updated); batches of up
// to 500 run in one transaction, all or nothing, and answer `{ index, id, status }` per item.
import {
  BatchResponse, Customer, IngestCustomer, IngestCustomerBatch, IngestOrder, IngestOrderBatch, IngestPoints, IngestProduct,
  IngestProductBatch, IngestReferral, LedgerWriteResponse, Order, Product,
} from '@kith/schema';
import { audit } from '../audit/audit.js';
import { getCustomer } from '../customers/read.js';
import type { Queryable } from '../db/database.js';
import { ApiError } from '../http/errors.js';
import { Reply, route } from '../http/route.js';
import { applyCustomers, applyOrders, applyProducts, type Applied } from '../ingestion/apply.js';
import { eachItem, oneItem } from '../ingestion/item-error.js';
import { creditReferral, ingestPoints } from '../ingestion/points.js';
import { activeProgram, type ProgramRules } from '../loyalty/program.js';
import { SELECT_ORDERS, toOrder, type OrderRow } from '../orders/read.js';
import { SELECT_PRODUCTS, toProduct, type ProductRow } from '../products/read.js';
import { must } from '../util/must.js';

const SERVER = { secret: true } as const;
const MiB = 1024 * 1024;

const batchAnswer = (results: readonly Applied[]) => ({
  items: results.map((r, index) => ({ index, id: r.id, status: r.created ? ('created' as const) : ('updated' as const) })),
});
const statusOf = (r: Applied) => (r.created ? 201 : 200);

export const putCustomer = route({
  method: 'PUT', path: '/v1/ingest/customers', summary: 'Upsert a customer (by externalId, else e-mail)', tag: 'ingestion',
  access: SERVER, body: IngestCustomer, response: Customer,
  async handle({ db, credential, body, now }) {
    const [result] = await applyCustomers({ tx: db, credential, now }, [body], oneItem);
    const applied = must(result, 'the upserted customer');
    return new Reply(statusOf(applied), must(await getCustomer(db, applied.id), 'the customer just upserted'));
  },
});

export const batchCustomers = route({
  method: 'POST', path: '/v1/ingest/customers/batch', summary: 'Upsert up to 500 customers (all or nothing)', tag: 'ingestion',
  access: SERVER, body: IngestCustomerBatch, response: BatchResponse, maxBodyBytes: 2 * MiB,
  async handle({ db, credential, body, now }) {
    return batchAnswer(await applyCustomers({ tx: db, credential, now }, body.items, eachItem));
  },
});

export const putProduct = route({
  method: 'PUT', path: '/v1/ingest/products', summary: 'Upsert a product (by externalId)', tag: 'ingestion',
  access: SERVER, body: IngestProduct, response: Product,
  async handle({ db, credential, body, now }) {
    const applied = must((await applyProducts({ tx: db, credential, now }, [body], oneItem))[0], 'the upserted product');
    const { rows } = await db.query<ProductRow>(`${SELECT_PRODUCTS} WHERE p.id = $1`, [applied.id]);
    return new Reply(statusOf(applied), toProduct(must(rows[0], 'the product just upserted')));
  },
});

export const batchProducts = route({
  method: 'POST', path: '/v1/ingest/products/batch', summary: 'Upsert up to 500 products (all or nothing)', tag: 'ingestion',
  access: SERVER, body: IngestProductBatch, response: BatchResponse, maxBodyBytes: 2 * MiB,
  async handle({ db, credential, body, now }) {
    return batchAnswer(await applyProducts({ tx: db, credential, now }, body.items, eachItem));
  },
});

export const putOrder = route({
  method: 'PUT', path: '/v1/ingest/orders', summary: 'Upsert an order (by externalId): value, RFM and points follow', tag: 'ingestion',
  access: SERVER, body: IngestOrder, response: Order, maxBodyBytes: MiB,
  async handle({ db, credential, body, now }) {
    const applied = must((await applyOrders({ tx: db, credential, now }, [body], oneItem))[0], 'the upserted order');
    const { rows } = await db.query<OrderRow>(`${SELECT_ORDERS} WHERE o.id = $1`, [applied.id]);
    return new Reply(statusOf(applied), toOrder(must(rows[0], 'the order just upserted')));
  },
});

export const batchOrders = route({
  method: 'POST', path: '/v1/ingest/orders/batch', summary: 'Upsert up to 500 orders (all or nothing)', tag: 'ingestion',
  access: SERVER, body: IngestOrderBatch, response: BatchResponse, maxBodyBytes: 8 * MiB,
  async handle({ db, credential, body, now }) {
    return batchAnswer(await applyOrders({ tx: db, credential, now }, body.items, eachItem));
  },
});

async function program(db: Queryable): Promise<ProgramRules> {
  const found = await activeProgram(db);
  if (!found) throw new ApiError(409, 'conflict', 'This shop has no loyalty program.');
  return found;
}

export const postPoints = route({
  method: 'POST', path: '/v1/ingest/points', summary: 'Award or correct points (retry with an Idempotency-Key)', tag: 'ingestion',
  access: SERVER, body: IngestPoints, response: LedgerWriteResponse, status: 201,
  async handle({ db, credential, body, now }) {
    const result = await ingestPoints(db, await program(db), body, now);
    await audit(db, credential, { action: 'loyalty.ingest', entity: 'loyalty_ledger', entityId: result.entry.id, before: null, after: result }, now);
    return result;
  },
});

export const postReferral = route({
  method: 'POST', path: '/v1/ingest/referrals', summary: 'Credit a referral (once per referred customer)', tag: 'ingestion',
  access: SERVER, body: IngestReferral, response: LedgerWriteResponse, status: 201,
  async handle({ db, credential, body, now }) {
    const { created, ...result } = await creditReferral(db, await program(db), body, now);
    if (!created) return new Reply(200, result);
    await audit(db, credential, { action: 'loyalty.referral', entity: 'loyalty_ledger', entityId: result.entry.id, before: null, after: result }, now);
    return result;
  },
});

/** The routes of this file. */
export const ingestionRoutes = [putCustomer, batchCustomers, putProduct, batchProducts, putOrder, batchOrders, postPoints, postReferral];
