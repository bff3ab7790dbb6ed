// What the reviews' test files share: finding parts, waiting for a state, clients, and reviews
// written with the publishable key and published by a moderator through the real API.
import type { NewReview } from '@kith/schema';
import { createClient, type ClientOptions, type KithClient } from '@kith/sdk';
import { parts, squash, untilStatus } from '../../../../test/support/dom.js';
import { mintToken, type KithServerInfo } from '../../../../test/support/server-commands.js';
import type { ResourceStatus } from '../internal/resource-controller.js';
import './reviews.js';
import type { KithReviews } from './reviews.js';

/** Seeded products (the demo seed is deterministic): one with many reviews in three languages, one with none. */
export const SNEAKERS = '3ab06973-9869-45e6-b8dc-bda2d257d6eb';
export const SUIT = 'd40e4d97-81d8-4b62-a234-5a9d81a6f4c7';

export { part, parts, text } from '../../../../test/support/dom.js';

export const until = (el: KithReviews, status: ResourceStatus): Promise<void> => untilStatus(el, status, 'the reviews');

/** Each review's text in a part (`review-title`, `review-body`…), in order. */
export const texts = (el: Element, name: string) => parts(el, 'review').map((review) => squash(review.querySelector(`[part~="${name}"]`)?.textContent));
/** The star bar of `stars`. */
export const bar = (el: Element, stars: number) => parts(el, 'bar')[5 - stars] as HTMLButtonElement;

/** Storage of its own per client: tests do not see each other's cached reads. */
export const ownStorage = () => {
  const name = `kith-reviews-test-${crypto.randomUUID()}`;
  return { cache: { name: `${name}-cache` }, outbox: { name: `${name}-outbox` } };
};

export function clientFor(server: KithServerInfo, options: Partial<ClientOptions> = {}): KithClient {
  return createClient({ baseUrl: server.url, key: server.publishableKey, ...ownStorage(), ...options });
}

/** A moderator (staff token with `feedback:moderate`), never cached. */
export async function moderatorFor(server: KithServerInfo): Promise<KithClient> {
  const token = (await mintToken({ kind: 'staff', scopes: ['feedback:read', 'feedback:moderate'] })).token;
  return clientFor(server, { token: () => token, cache: false });
}

export type ReviewFields = Pick<NewReview, 'title' | 'body' | 'authorName'> & Partial<Pick<NewReview, 'rating' | 'language'>>;

/**
 * Writes a review as a shopper would (publishable key), then publishes it (and replies to it) as
 * a moderator: both through the real API. Resolves with the review's id.
 */
export async function publishReview(server: KithServerInfo, moderator: KithClient, productId: string, fields: ReviewFields, reply?: string): Promise<string> {
  const shopper = clientFor(server, { cache: false });
  const created = await shopper.feedback.create({ kind: 'review', productId, rating: 5, language: 'en', ...fields });
  if (created.status !== 'sent') throw new Error(`the review was ${created.status}`);
  const id = created.data.id;
  await moderator.feedback.moderate(id, { action: 'publish' });
  if (reply) {
    const replied = await moderator.feedback.reply(id, { body: reply });
    if (replied.status !== 'sent') throw new Error(`the reply was ${replied.status}`);
  }
  return id;
}
