// Events of the shop's data: an order synced in, a points balance that moved (both for the
// customer and staff on `customer:<id>`), a catalogue product changed (public).
import type { Queryable } from '../db/database.js';
import { publishEvent } from './publish.js';

/** `order.ingested`: the customer's order was created or changed. */
export async function orderIngested(
  tx: Queryable,
  order: { id: string; externalId: string; customerId: string; status: string; total: number; currency: string; created: boolean },
  at: Date,
): Promise<void> {
  await publishEvent(tx, {
    topic: `customer:${order.customerId}`,
    type: 'order.ingested',
    audience: 'customer',
    data: {
      orderId: order.id, externalId: order.externalId, customerId: order.customerId, status: order.status,
      total: { amount: order.total, currency: order.currency }, created: order.created,
    },
  }, at);
}

/** `loyalty.changed`: a ledger entry moved the balance (and maybe the tier). */
export async function loyaltyChanged(
  tx: Queryable,
  change: { customerId: string; programId: string; entryId: string; reason: string; points: number; balance: number; tierId: string | null },
  at: Date,
): Promise<void> {
  await publishEvent(tx, { topic: `customer:${change.customerId}`, type: 'loyalty.changed', audience: 'customer', data: change }, at);
}

/** `product.updated`: the catalogue entry was created or changed (public: catalogue data only). */
export async function productUpdated(tx: Queryable, product: { id: string; name: string; created: boolean }, at: Date): Promise<void> {
  await publishEvent(tx, {
    topic: `product:${product.id}`,
    type: 'product.updated',
    audience: 'public',
    data: { productId: product.id, name: product.name, created: product.created },
  }, at);
}
