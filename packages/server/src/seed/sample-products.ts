// The demo's products that tests and examples name: known from the generated data (a fixed
// PRNG seed), so a test server can report them without a query.
import { must } from '../util/must.js';
import type { OrderSeed } from './context.js';
import type { FeedbackSeed } from './engagement.js';

export interface SampleProducts {
  /**
   * A product with published reviews in more than one language, one of them with the shop's
   * public reply, and a shop id (SKU): what a review widget's example shows.
   */
  sampleProductId: string;
  /** Its `externalId`, as a shop's page would name it. */
  sampleProductSku: string;
  /**
   * Another product the sample customer bought in an order that stands (neither cancelled
   * nor refunded): a review by that customer's token is a verified purchase.
   */
  purchasedProductId: string;
}

const STANDING = (status: string) => status !== 'cancelled' && status !== 'refunded';

/** Picks them from the generated data: the most reviewed qualifying product (catalogue order breaks ties). */
export function sampleProducts(data: {
  products: readonly { id: string; external_id: string | null }[];
  feedback: readonly FeedbackSeed[];
  orders: readonly OrderSeed[];
  sampleCustomerId: string;
}): SampleProducts {
  const published = data.feedback.filter((f) => f.kind === 'review' && f.moderation_status === 'published');
  const candidates = data.products.flatMap((product) => {
    const reviews = published.filter((f) => f.product_id === product.id);
    const languages = new Set(reviews.map((f) => f.language));
    const qualifies = product.external_id !== null && languages.size > 1 && reviews.some((f) => f.reply_body !== null);
    return qualifies ? [{ product, count: reviews.length }] : [];
  });
  const best = must(
    candidates.reduce<(typeof candidates)[number] | undefined>((top, c) => (top === undefined || c.count > top.count ? c : top), undefined),
    'a demo product with published reviews in two languages and a reply',
  );
  const bought = data.orders
    .filter((o) => o.customer_id === data.sampleCustomerId && STANDING(o.status))
    .flatMap((o) => o.lines.map((line) => line.product_id));
  return {
    sampleProductId: best.product.id,
    sampleProductSku: must(best.product.external_id, 'the sample product\'s SKU'),
    purchasedProductId: must(bought.find((id) => id !== best.product.id), 'a product the sample customer bought'),
  };
}
