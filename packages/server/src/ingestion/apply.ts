import type { IngestCustomer, IngestOrder, IngestProduct } from '@kith/schema';
import { audit } from '../audit/audit.js';
import type { Credential } from '../auth/credential.js';
import type { Queryable } from '../db/database.js';
import { activeProgram } from '../loyalty/program.js';
import { upsertCustomer } from './customers.js';
import type { Each } from './item-error.js';
import { syncOrderPoints } from './order-points.js';
import { upsertOrder } from './orders.js';
import { upsertProduct } from './products.js';
import { lockValues, refreshValues } from './values.js';

/** What one ingested item became. */
export interface Applied {
  id: string;
  created: boolean;
}

/** The shared context of one ingestion request (one transaction). */
export interface Ingest {
  tx: Queryable;
  credential: Credential;
  now: Date;
}

/**
 * Upserts customers in order and audits the changed ones. A new customer changes how many
 * make the top 20 %, so value figures are refreshed when any was created.
 */
export async function applyCustomers(ctx: Ingest, items: readonly IngestCustomer[], each: Each): Promise<Applied[]> {
  await lockValues(ctx.tx);
  const results = await each(items, async (item) => {
    const r = await upsertCustomer(ctx.tx, item, ctx.now);
    if (r.changed) {
      await audit(ctx.tx, ctx.credential, { action: r.created ? 'customer.ingest.create' : 'customer.ingest.update', entity: 'customer', entityId: r.id, before: r.before, after: r.after }, ctx.now);
    }
    return r;
  });
  if (results.some((r) => r.created)) await refreshValues(ctx.tx, ctx.now);
  return results;
}

/** Upserts products in order and audits the changed ones. */
export async function applyProducts(ctx: Ingest, items: readonly IngestProduct[], each: Each): Promise<Applied[]> {
  return each(items, async (item) => {
    const r = await upsertProduct(ctx.tx, item, ctx.now);
    if (r.changed) {
      await audit(ctx.tx, ctx.credential, { action: r.created ? 'product.ingest.create' : 'product.ingest.update', entity: 'product', entityId: r.id, before: null, after: item }, ctx.now);
    }
    return r;
  });
}

/**
 * Upserts orders in order; each changed one is audited and its points brought in line
 * with the program's rule; then every customer's value figures are refreshed once.
 */
export async function applyOrders(ctx: Ingest, items: readonly IngestOrder[], each: Each): Promise<Applied[]> {
  await lockValues(ctx.tx);
  const program = await activeProgram(ctx.tx);
  const results = await each(items, async (item) => {
    const r = await upsertOrder(ctx.tx, item, ctx.now);
    if (r.changed) {
      await audit(ctx.tx, ctx.credential, { action: r.created ? 'order.ingest.create' : 'order.ingest.update', entity: 'order', entityId: r.id, before: null, after: item }, ctx.now);
      if (program) await syncOrderPoints(ctx.tx, program, r, ctx.now);
    }
    return r;
  });
  if (results.some((r) => r.changed)) await refreshValues(ctx.tx, ctx.now);
  return results;
}
