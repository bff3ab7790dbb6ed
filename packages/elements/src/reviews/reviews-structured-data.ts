// The JSON-LD of `<kith-reviews structured-data>` (a chunk of its own: most pages never ask for it).
// Written into the element's light DOM, where crawlers read it, through the Trusted Types policy
// `kith`, so a page that enforces Trusted Types for scripts keeps it.
import type { PublicReview, ReviewAggregate } from '@kith/schema';
import type { ResourceStatus } from '../internal/resource-controller.js';
import { trustedJson } from '../internal/trusted-types.js';

/** What the structured data describes. */
export interface StructuredDataInput {
  /** The product's name (schema.org `Product.name`, which search engines require). */
  name: string;
  aggregate: ReviewAggregate;
  /** The reviews shown. */
  reviews: readonly PublicReview[];
}

const BEST = 5;
const WORST = 1;
/** Marks the script Kith owns among the element's children (the page's own fallback content stays). */
const MARK = 'data-kith-reviews';

const clamp = (value: number) => Math.min(BEST, Math.max(WORST, value));

/** What the writer reads of `<kith-reviews>`. */
export interface StructuredDataHost extends HTMLElement {
  readonly structuredData: boolean;
  readonly productName?: string | undefined;
  readonly status: ResourceStatus;
  readonly summary: ReviewAggregate | undefined;
  readonly shownReviews: readonly PublicReview[];
}

/** Elements already told that they need `product-name` (said once each). */
const unnamed = new WeakSet<Element>();

/**
 * Brings the element's JSON-LD in line with what it shows: written with reviews shown (saved ones
 * included), kept while another choice loads, removed without the attribute, without reviews,
 * without a product name (said once on the console) and when the element leaves the page.
 */
export function syncStructuredData(host: StructuredDataHost): void {
  const { status, summary } = host;
  const wanted = host.structuredData && host.isConnected;
  if (wanted && status === 'loading') return;
  const shown = wanted && summary && (status === 'ready' || status === 'stale' || status === 'offline');
  const name = host.productName?.trim();
  if (shown && !name && !unnamed.has(host)) {
    unnamed.add(host);
    console.warn('[kith] <kith-reviews structured-data> needs product-name (search engines require a product name): no structured data is written.');
  }
  writeStructuredData(host, shown && name ? { name, aggregate: summary, reviews: host.shownReviews } : undefined);
}

/** schema.org `Product` with its `AggregateRating` and `Review`s; undefined without reviews. */
export function productJsonLd(input: StructuredDataInput): Record<string, unknown> | undefined {
  const { name, aggregate, reviews } = input;
  if (aggregate.count === 0 || aggregate.average === null) return undefined;
  return {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name,
    aggregateRating: {
      '@type': 'AggregateRating',
      ratingValue: clamp(aggregate.average),
      reviewCount: aggregate.count,
      bestRating: BEST,
      worstRating: WORST,
    },
    review: reviews.map((review) => ({
      '@type': 'Review',
      reviewRating: { '@type': 'Rating', ratingValue: clamp(review.rating), bestRating: BEST, worstRating: WORST },
      author: { '@type': 'Person', name: review.authorName },
      datePublished: review.createdAt.slice(0, 10),
      name: review.title,
      reviewBody: review.body,
      inLanguage: review.language,
    })),
  };
}

/** JSON that cannot end the script element it is in: every `<` is written `\u003c`. */
export const jsonLdText = (data: unknown): string => JSON.stringify(data).replace(/</g, '\\u003c');

/** Writes the element's JSON-LD child, replacing the last one; removes it when `input` says nothing (or is undefined). */
export function writeStructuredData(host: HTMLElement, input: StructuredDataInput | undefined): void {
  const current = [...host.children].find((child): child is HTMLScriptElement => child instanceof HTMLScriptElement && child.hasAttribute(MARK));
  const data = input && productJsonLd(input);
  const json = data && jsonLdText(data);
  if (json && current?.textContent === json) return;
  const text = json && trustedJson(json);
  if (!text) {
    current?.remove();
    return;
  }
  const script = document.createElement('script');
  script.type = 'application/ld+json';
  script.setAttribute(MARK, '');
  // A TrustedScript where the page enforces Trusted Types (the DOM typings know only strings).
  script.textContent = text as string;
  if (current) current.replaceWith(script);
  else host.append(script);
}
