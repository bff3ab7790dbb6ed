import * as z from 'zod/mini';
import { ExternalId, Id, Money, Timestamp, WebUrl, shortText } from './common.js';

/** A product of the shop's catalogue: what reviews are about and order lines point at. */
export const Product = z.strictObject({
  id: Id,
  /** The shop's own product id or SKU; null for products created in Kith itself. */
  externalId: z.nullable(ExternalId),
  name: shortText(200),
  /** The product page on the shop; a review widget links back to it. */
  url: z.nullable(WebUrl),
  imageUrl: z.nullable(WebUrl),
  /** The current list price; null when the shop does not sync prices (quotes, variants). */
  price: z.nullable(Money),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Product = z.infer<typeof Product>;
