import { NON_VALUE_STATUSES } from '../analytics/value.js';
import type { Queryable } from '../db/database.js';
import { appendEntry } from '../loyalty/ledger.js';
import { purchasePoints, type ProgramRules } from '../loyalty/program.js';
import type { UpsertedOrder } from './orders.js';

/**
 * Brings the ledger in line with an order: an order that counts (not cancelled, returned
 * or refunded) is worth `earn_points` per `earn_per` of its total; one that does not is
 * worth 0. The first award is one `purchase` entry (once per order, a unique index); any
 * later difference — a refund, a changed total, a re-opened order, an order moved to
 * another customer — is an `adjust` entry with the order's id, so the entries of an order
 * always sum to what it is worth now and re-sending it appends nothing. A reversal may take
 * a balance below zero when the points were already spent: the ledger says so plainly.
 */
export async function syncOrderPoints(tx: Queryable, program: ProgramRules, order: UpsertedOrder, now: Date): Promise<void> {
  const worth = NON_VALUE_STATUSES.has(order.status) ? 0 : purchasePoints(program, order.total, order.currency);
  const { rows } = await tx.query<{ customer_id: string; net: number; purchased: boolean }>(
    `SELECT customer_id, sum(points)::int8 AS net, bool_or(reason = 'purchase') AS purchased
       FROM loyalty_ledger WHERE order_id = $1 AND program_id = $2 GROUP BY customer_id ORDER BY customer_id`,
    [order.id, program.id],
  );
  for (const row of rows) {
    if (row.customer_id === order.customerId || row.net === 0) continue;
    await appendEntry(tx, program, {
      customerId: row.customer_id, reason: 'adjust', points: -row.net, orderId: order.id,
      note: `Order ${order.externalId} moved to another customer`, now,
    });
  }
  const mine = rows.find((row) => row.customer_id === order.customerId);
  const delta = worth - (mine?.net ?? 0);
  if (delta === 0) return;
  // The unique index allows one `purchase` per order, whoever it went to.
  const first = !rows.some((row) => row.purchased) && delta > 0;
  await appendEntry(tx, program, {
    customerId: order.customerId,
    reason: first ? 'purchase' : 'adjust',
    points: delta,
    orderId: order.id,
    note: first ? `Order ${order.externalId}` : worth === 0 ? `Order ${order.externalId} ${order.status}: points reversed` : `Order ${order.externalId} changed`,
    now,
  });
}
