// The benchmark's scenarios, each run against Kith and the bare peer alike. `prepare()`
// gives the autocannon request for one run (a fresh token, a fresh replay key) and an
// optional `check()` to run after it.
import { randomUUID } from 'node:crypto';

/** The review every submit sends (the author marks the rows a reset removes). */
function reviewBody(fixture, title) {
  return JSON.stringify({
    kind: 'review',
    productId: fixture.submitProductId,
    rating: 4,
    title,
    body: 'Sturdy, well made and exactly as described. Would buy again.',
    authorName: fixture.benchAuthor,
    language: 'en',
    // What the widget sends: an empty honeypot and a person's fill time (not judged spam).
    website: '',
    fillMs: 8_000,
  });
}

/** The scenarios for one server pair; `child` mints tokens and counts rows. */
export function scenarios(fixture, child, { replays }) {
  const pk = { authorization: `Bearer ${fixture.publishableKey}`, origin: fixture.origin };
  const post = { ...pk, 'content-type': 'application/json' };
  return [
    {
      id: 'reviews',
      title: 'reviews list, pk',
      route: `GET /v1/products/:id/reviews (${fixture.publishedReviews} published, page of 20)`,
      prepare: async () => ({ request: { method: 'GET', path: `/v1/products/${fixture.listProductId}/reviews`, headers: pk } }),
    },
    {
      id: 'customer',
      title: 'customer get, staff token',
      route: 'GET /v1/customers/:id',
      // A token lives 15 minutes at most: a fresh one per run keeps long runs valid.
      prepare: async () => {
        const { token } = await child.call('token');
        const headers = { authorization: `Bearer ${token}`, origin: fixture.origin };
        return { request: { method: 'GET', path: `/v1/customers/${fixture.customerId}`, headers } };
      },
    },
    {
      id: 'submit',
      title: 'review submit, new key each',
      route: 'POST /v1/feedback with a fresh Idempotency-Key per request',
      writes: true,
      prepare: async () => ({
        request: {
          method: 'POST',
          path: '/v1/feedback',
          headers: post,
          body: reviewBody(fixture, 'Bench review'),
          setupRequest: (request) => ({ ...request, headers: { ...request.headers, 'idempotency-key': `bench-${randomUUID()}` } }),
        },
      }),
    },
    {
      id: 'replay',
      title: 'review replay, one key',
      route: `POST /v1/feedback, ${replays} times with one Idempotency-Key and body`,
      writes: true,
      amount: replays,
      // The submit scenario just before warmed the same route.
      warm: false,
      prepare: async () => {
        const mark = randomUUID();
        const title = `Bench replay ${mark}`;
        const key = `bench-${mark}`;
        return {
          request: { method: 'POST', path: '/v1/feedback', headers: { ...post, 'idempotency-key': key }, body: reviewBody(fixture, title) },
          // Exactly one review and one stored response, however many replays raced.
          check: async () => {
            const { reviews, keys } = await child.call('count', { title, key });
            return { ok: reviews === 1 && keys === 1, reviews, keys };
          },
        };
      },
    },
  ];
}
