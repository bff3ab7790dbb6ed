import * as z from 'zod/mini';
import { ExternalId, Id, Money, Timestamp, shortText } from './common.js';

/**
 * Where an order is in the shop's fulfilment. Orders that are `cancelled`, `returned` or
 * `refunded` do not count towards lifetime value.
 */
export const OrderStatus = z.enum(['pending', 'paid', 'shipped', 'delivered', 'cancelled', 'returned', 'refunded']);
export type OrderStatus = z.infer<typeof OrderStatus>;

/** One line of an order, as the shop reports it. */
export const OrderLine = z.strictObject({
  /** The product in Kith's catalogue; null for items it does not know (gift wrap, a custom item). */
  productId: z.nullable(Id),
  /** The shop's product id or SKU, kept so a line can be matched to a product synced later. */
  externalProductId: z.nullable(ExternalId),
  /** The name at the time of purchase: the product may be renamed or deleted since. */
  name: shortText(200),
  quantity: z.int().check(z.minimum(1)),
  unitPrice: Money,
  /**
   * The line total as the shop charged it. Not checked against quantity × unit price:
   * line discounts and rounding are the shop's, and it is the source of truth.
   */
  total: Money,
});
export type OrderLine = z.infer<typeof OrderLine>;

/** The money fields of an order, as both a stored order and an ingested one carry them. */
interface OrderAmounts {
  lines: readonly { unitPrice: Money; total: Money }[];
  subtotal: Money;
  discount?: Money | undefined;
  tax?: Money | undefined;
  shipping?: Money | undefined;
  total: Money;
}

/** Adds an issue for every amount of an order that is not in the currency of its total. */
export function checkOneCurrency(order: OrderAmounts, ctx: z.core.$RefinementCtx): void {
  const currency = order.total.currency;
  const amounts: [path: (string | number)[], money: Money | undefined][] = [
    ...order.lines.flatMap((line, i): [(string | number)[], Money][] => [
      [['lines', i, 'unitPrice'], line.unitPrice],
      [['lines', i, 'total'], line.total],
    ]),
    [['subtotal'], order.subtotal],
    [['discount'], order.discount],
    [['tax'], order.tax],
    [['shipping'], order.shipping],
  ];
  for (const [path, money] of amounts) {
    if (money && money.currency !== currency) {
      ctx.addIssue({ code: 'custom', message: `Must be in the order's currency (${currency})`, path: [...path, 'currency'], input: money.currency });
    }
  }
}

/** An order ingested from the shop; it drives lifetime value, RFM, "verified buyer" and points. */
export const Order = z
  .strictObject({
    id: Id,
    /** The shop's own order number: ingestion upserts by it, so a re-sent order is not doubled. */
    externalId: ExternalId,
    customerId: Id,
    status: OrderStatus,
    lines: z.array(OrderLine).check(z.minLength(1), z.maxLength(1000)),
    // The totals are stored as the shop reports them, without arithmetic checks: whether
    // tax is included in prices (VAT) or added on top (sales tax) differs per shop.
    subtotal: Money,
    discount: Money,
    tax: Money,
    shipping: Money,
    total: Money,
    /** When the shopper placed the order (not when Kith received it). */
    placedAt: Timestamp,
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .check(
    // Sums across currencies are meaningless; one order is charged in one currency.
    z.superRefine((order, ctx) => checkOneCurrency(order, ctx)),
  );
export type Order = z.infer<typeof Order>;
