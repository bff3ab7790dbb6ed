// Request and response shapes of the /v1 routes for ingestion (beyond the domain records):
// how a shop's server syncs its customers, catalogue, orders and points in (secret key).
import * as z from 'zod/mini';
import { Email, ExternalId, Id, LanguageTag, Money, Timestamp, WebUrl, shortText } from './common.js';
import { ContactChannel, CustomerKind, Tag } from './customer.js';
import { Currency } from './currency.js';
import { OrderLine, OrderStatus, checkOneCurrency } from './order.js';
import { MAX_POINTS } from './api-loyalty.js';

/** Most items in one batch request (one transaction). */
export const MAX_BATCH = 500;

/**
 * A customer as the shop sends it, upserted by `externalId`, else by the e-mail of its
 * channels (the preferred e-mail channel, else the first; case-insensitive). Fields left
 * out keep their current value on an update (the shop need not sync tags staff added);
 * `null` clears a nullable one.
 */
export const IngestCustomer = z
  .strictObject({
    externalId: z.optional(ExternalId),
    kind: z.optional(CustomerKind),
    name: shortText(200),
    company: z.optional(z.nullable(shortText(200))),
    organisationId: z.optional(z.nullable(Id)),
    role: z.optional(z.nullable(shortText(100))),
    channels: z.optional(z.array(ContactChannel).check(z.maxLength(20))),
    ownerId: z.optional(z.nullable(Id)),
    tags: z.optional(z.array(Tag).check(z.maxLength(50))),
    locale: z.optional(z.nullable(LanguageTag)),
    /** The currency of the customer's lifetime value; set on creation only (default EUR). */
    currency: z.optional(Currency),
  })
  .check(
    // The e-mail channel is what a customer is matched by: it must be an address.
    z.superRefine((input, ctx) => {
      input.channels?.forEach((channel, i) => {
        if (channel.kind === 'email' && !Email.safeParse(channel.value).success) {
          ctx.addIssue({ code: 'custom', message: 'Must be an e-mail address', path: ['channels', i, 'value'], input: channel.value });
        }
      });
    }),
  );
export type IngestCustomer = z.infer<typeof IngestCustomer>;

/** A product, upserted by the shop's `externalId`. */
export const IngestProduct = z.strictObject({
  externalId: ExternalId,
  name: shortText(200),
  url: z.optional(z.nullable(WebUrl)),
  imageUrl: z.optional(z.nullable(WebUrl)),
  price: z.optional(z.nullable(Money)),
});
export type IngestProduct = z.infer<typeof IngestProduct>;

/** An order line: the product by Kith's `productId` or the shop's `externalProductId` (or neither). */
export const IngestOrderLine = z.extend(OrderLine, {
  productId: z.optional(z.nullable(Id)),
  externalProductId: z.optional(z.nullable(ExternalId)),
  quantity: z.int().check(z.minimum(1), z.maximum(1_000_000)),
});
export type IngestOrderLine = z.infer<typeof IngestOrderLine>;

/** An order, upserted by the shop's order number; its customer by `customerId` or `customerExternalId`. */
export const IngestOrder = z
  .strictObject({
      externalId: ExternalId,
      customerId: z.optional(Id),
      customerExternalId: z.optional(ExternalId),
      status: OrderStatus,
      lines: z.array(IngestOrderLine).check(z.minLength(1), z.maxLength(1000)),
      subtotal: Money,
      discount: z.optional(Money),
      tax: z.optional(Money),
      shipping: z.optional(Money),
      total: Money,
      placedAt: Timestamp,
  })
  .check(
    z.superRefine((order, ctx) => {
      if ((order.customerId === undefined) === (order.customerExternalId === undefined)) {
        ctx.addIssue({ code: 'custom', message: 'Give exactly one of customerId and customerExternalId', path: ['customerId'], input: order.customerId });
      }
      checkOneCurrency(order, ctx);
    }),
  );
export type IngestOrder = z.infer<typeof IngestOrder>;

/** A batch of up to `MAX_BATCH` items, applied in order in one transaction: all or nothing. */
export const batchOf = <T extends z.core.$ZodType>(item: T) =>
  z.strictObject({ items: z.array(item).check(z.minLength(1), z.maxLength(MAX_BATCH)) });

export const IngestCustomerBatch = batchOf(IngestCustomer);
export type IngestCustomerBatch = z.infer<typeof IngestCustomerBatch>;
export const IngestProductBatch = batchOf(IngestProduct);
export type IngestProductBatch = z.infer<typeof IngestProductBatch>;
export const IngestOrderBatch = batchOf(IngestOrder);
export type IngestOrderBatch = z.infer<typeof IngestOrderBatch>;

/** What happened to one item of a batch, by its index in the request. */
export const BatchItemResult = z.strictObject({
  index: z.int().check(z.minimum(0)),
  id: Id,
  status: z.enum(['created', 'updated']),
});
export type BatchItemResult = z.infer<typeof BatchItemResult>;

export const BatchResponse = z.strictObject({ items: z.array(BatchItemResult) });
export type BatchResponse = z.infer<typeof BatchResponse>;

/** Reasons the shop may award points with (spending and expiry are the server's). */
export const IngestPointsReason = z.enum(['adjust', 'purchase', 'review', 'referral']);
export type IngestPointsReason = z.infer<typeof IngestPointsReason>;

/** `POST /v1/ingest/points`: an award or correction; retried safely with an `Idempotency-Key`. */
export const IngestPoints = z
  .strictObject({
      customerId: z.optional(Id),
      customerExternalId: z.optional(ExternalId),
      points: z.int().check(z.minimum(-MAX_POINTS), z.maximum(MAX_POINTS)),
      reason: IngestPointsReason,
      note: z.optional(z.nullable(shortText(500))),
  })
  .check(
    z.superRefine((input, ctx) => {
      if ((input.customerId === undefined) === (input.customerExternalId === undefined)) {
        ctx.addIssue({ code: 'custom', message: 'Give exactly one of customerId and customerExternalId', path: ['customerId'], input: input.customerId });
      }
      if (input.points === 0 || (input.reason !== 'adjust' && input.points < 0)) {
        ctx.addIssue({ code: 'custom', message: 'Must be positive (only adjust may take points away)', path: ['points'], input: input.points });
      }
    }),
  );
export type IngestPoints = z.infer<typeof IngestPoints>;

/** `POST /v1/ingest/referrals`: credit the referrer for a referred customer (once per referred customer). */
export const IngestReferral = z.strictObject({
  referrerId: Id,
  referredId: Id,
});
export type IngestReferral = z.infer<typeof IngestReferral>;
