// Ingestion: how a shop's server syncs its customers, catalogue, orders and points in
// (secret key only). Upserts by the shop's own ids; a batch of up to 500 is all or nothing.
import {
  BatchResponse, Customer, LedgerWriteResponse, Order, Product,
  type IngestCustomer, type IngestCustomerBatch, type IngestOrder, type IngestOrderBatch, type IngestPoints,
  type IngestProduct, type IngestProductBatch, type IngestReferral,
} from '@kith/schema';
import type { KithCore, SendSpec } from '../core.js';
import { sender, type SendOptions } from './shared.js';

/** Everything a sync may change: customer records and lists, loyalty, analytics, product pages. */
const SYNCED = ['/v1/customers', '/v1/analytics', '/v1/products', '/v1/reviews'];

/**
 * Every method needs the secret key. Pass `idempotencyKey` (e.g. your record's id and
 * revision) to make a job's retries across restarts land once.
 */
export interface IngestionResource {
  /** Upserts a customer by `externalId`, else by e-mail (`PUT /v1/ingest/customers`); fields left out keep their value. */
  upsertCustomer(customer: IngestCustomer, options?: SendOptions): Promise<Customer>;
  /** Upserts up to 500 customers in one transaction (`POST /v1/ingest/customers/batch`): each item's id and `created`/`updated`. */
  upsertCustomers(batch: IngestCustomerBatch, options?: SendOptions): Promise<BatchResponse>;
  /** Upserts a product by `externalId` (`PUT /v1/ingest/products`). */
  upsertProduct(product: IngestProduct, options?: SendOptions): Promise<Product>;
  /** Upserts up to 500 products in one transaction (`POST /v1/ingest/products/batch`). */
  upsertProducts(batch: IngestProductBatch, options?: SendOptions): Promise<BatchResponse>;
  /** Upserts an order by `externalId` (`PUT /v1/ingest/orders`): the customer's value, RFM and points follow. */
  upsertOrder(order: IngestOrder, options?: SendOptions): Promise<Order>;
  /** Upserts up to 500 orders in one transaction (`POST /v1/ingest/orders/batch`). */
  upsertOrders(batch: IngestOrderBatch, options?: SendOptions): Promise<BatchResponse>;
  /** Awards or corrects points (`POST /v1/ingest/points`); `conflict` when the shop has no loyalty program. Audited. */
  awardPoints(points: IngestPoints, options?: SendOptions): Promise<LedgerWriteResponse>;
  /** Credits the referrer for a referred customer, once per referred customer (`POST /v1/ingest/referrals`). Audited. */
  creditReferral(referral: IngestReferral, options?: SendOptions): Promise<LedgerWriteResponse>;
}

export function ingestion(core: KithCore): IngestionResource {
  const sendOne = sender(core);
  const send = <T>(spec: Pick<SendSpec<T>, 'method' | 'path' | 'body' | 'schema'>, options: SendOptions | undefined) =>
    sendOne({ ...spec, invalidates: SYNCED }, options);
  return {
    upsertCustomer: (customer, options) => send({ method: 'PUT', path: '/v1/ingest/customers', body: customer, schema: Customer }, options),
    upsertCustomers: (batch, options) => send({ method: 'POST', path: '/v1/ingest/customers/batch', body: batch, schema: BatchResponse }, options),
    upsertProduct: (product, options) => send({ method: 'PUT', path: '/v1/ingest/products', body: product, schema: Product }, options),
    upsertProducts: (batch, options) => send({ method: 'POST', path: '/v1/ingest/products/batch', body: batch, schema: BatchResponse }, options),
    upsertOrder: (order, options) => send({ method: 'PUT', path: '/v1/ingest/orders', body: order, schema: Order }, options),
    upsertOrders: (batch, options) => send({ method: 'POST', path: '/v1/ingest/orders/batch', body: batch, schema: BatchResponse }, options),
    awardPoints: (points, options) => send({ method: 'POST', path: '/v1/ingest/points', body: points, schema: LedgerWriteResponse }, options),
    creditReferral: (referral, options) => send({ method: 'POST', path: '/v1/ingest/referrals', body: referral, schema: LedgerWriteResponse }, options),
  };
}
