// Records the answers the Storybook stories replay: starts the real server in this process
// (in-memory database, demo seeded), asks it what the elements ask, checks each answer
// against its @kith/schema schema and writes stories/fixtures/<group>.json. Stories never
// contain hand-made data: re-run this after a change of the API or of the demo seed.
//
//   npm run story-data   (node --conditions=kith-source --import tsx scripts/record-story-data.mjs)
//
// To give a new element data, add a group (or a recording) below and run it again.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as schemas from '@kith/schema';
import { startServer } from '@kith/server';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'stories', 'fixtures');

/** An id no record has: the not-found answers. */
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

/**
 * Requests per minute per key: small, so that a real 429 can be recorded (`repeat`), but above
 * the number of other requests made here (every credential is under the demo's one key): about
 * 65 today, the reads that pick what to record included.
 */
const PER_KEY = 80;

/** The board's page as <kith-pipeline> reads it (`BOARD_PAGE_MAX`: every deal of the demo's pipeline in one page). */
const BOARD = `limit=${schemas.BOARD_PAGE_MAX}`;

/**
 * What to record, per fixture file. `cards` are the customers the card's stories show, by name
 * (`customer`: the sample; the others picked by pickCustomers). `as` names the credential:
 * `staff` (the sample customer's account manager), `customer` (the sample customer's own
 * token), `key` (the publishable key alone) or `bad-key` (a key the server does not know).
 * `schema` names the @kith/schema schema of a successful answer; error answers are checked
 * against `ErrorEnvelope`. `repeat: true` asks again (at most 2 × PER_KEY times) until the
 * server gives the expected status: the rate limit.
 */
const groups = ({ sample, climber, cards, timeline, pipeline, reviews }) => ({
  customers: {
    // Each customer a card story shows, then the staff record of its owner (the card shows the
    // owner's name): `customer`, `customerOwner`, `keyAccount`, `keyAccountOwner`…
    ...Object.fromEntries(
      Object.entries(cards).flatMap(([name, { id, ownerId }]) => [
        [name, { path: `/v1/customers/${id}`, as: 'staff', schema: 'Customer' }],
        [`${name}Owner`, { path: `/v1/staff/${ownerId}`, as: 'staff', schema: 'StaffMember' }],
      ]),
    ),
    // The colleagues the owner editor offers (<kith-customer-editor> lists up to 100).
    staff: { path: '/v1/staff?limit=100', as: 'staff', schema: 'StaffPage' },
    notFound: { path: `/v1/customers/${UNKNOWN_ID}`, as: 'staff', status: 404 },
    forbidden: { path: `/v1/customers/${sample}`, as: 'key', status: 403 },
    keyRefused: { path: `/v1/customers/${sample}`, as: 'bad-key', status: 401 },
    rateLimited: { path: `/v1/customers/${sample}`, as: 'staff', status: 429, repeat: true },
  },
  loyalty: {
    program: { path: '/v1/loyalty/program', as: 'key', schema: 'LoyaltyProgramResponse' },
    account: { path: `/v1/customers/${sample}/loyalty`, as: 'customer', schema: 'LoyaltyAccount' },
    // <kith-loyalty-badge> shows the latest 5 entries on expand.
    ledger: { path: `/v1/customers/${sample}/loyalty/ledger?limit=5`, as: 'customer', schema: 'LedgerPage' },
    // A member on the way up: the distance to the next tier ("320 points to Gold").
    climberAccount: { path: `/v1/customers/${climber}/loyalty`, as: 'staff', schema: 'LoyaltyAccount' },
    climberLedger: { path: `/v1/customers/${climber}/loyalty/ledger?limit=5`, as: 'staff', schema: 'LedgerPage' },
    forbidden: { path: `/v1/customers/${sample}/loyalty`, as: 'key', status: 403 },
    notFound: { path: `/v1/customers/${UNKNOWN_ID}/loyalty`, as: 'staff', status: 404 },
    rateLimited: { path: `/v1/customers/${sample}/loyalty`, as: 'customer', status: 429, repeat: true },
  },
  // <kith-timeline>: the first page (no query: no filter), with the facet counts its filter bar shows.
  timeline: {
    timeline: { path: `/v1/customers/${sample}/interactions`, as: 'staff', schema: 'InteractionPage' },
    // The filter bar's toggle for one channel (the server filters every row; its counts come along).
    byChannel: { path: `/v1/customers/${sample}/interactions?channel=${timeline.channel}`, as: 'staff', schema: 'InteractionPage' },
    // A customer with nothing on their timeline yet.
    empty: { path: `/v1/customers/${timeline.emptyCustomerId}/interactions`, as: 'staff', schema: 'InteractionPage' },
    notFound: { path: `/v1/customers/${UNKNOWN_ID}/interactions`, as: 'staff', status: 404 },
    // The timeline holds internal notes: a publishable key alone may not read it.
    forbidden: { path: `/v1/customers/${sample}/interactions`, as: 'key', status: 403 },
  },
  // <kith-pipeline> reads the pipeline (stages with totals) and its board together, then the
  // names of the owners on the board (its owner filter): `owner1`, `owner2`…
  pipeline: {
    pipeline: { path: `/v1/pipelines/${pipeline.id}`, as: 'staff', schema: 'PipelineWithTotals' },
    board: { path: `/v1/pipelines/${pipeline.id}/opportunities?${BOARD}`, as: 'staff', schema: 'OpportunityPage' },
    // One customer's deals (`customer-id`): the customer with most deals on the board.
    customerBoard: { path: `/v1/pipelines/${pipeline.id}/opportunities?${BOARD}&customerId=${pipeline.customerId}`, as: 'staff', schema: 'OpportunityPage' },
    ...Object.fromEntries(
      pipeline.owners.map((id, i) => [`owner${i + 1}`, { path: `/v1/staff/${id}`, as: 'staff', schema: 'StaffMember' }]),
    ),
    notFound: { path: `/v1/pipelines/${UNKNOWN_ID}`, as: 'staff', status: 404 },
    boardNotFound: { path: `/v1/pipelines/${UNKNOWN_ID}/opportunities?${BOARD}`, as: 'staff', status: 404 },
    forbidden: { path: `/v1/pipelines/${pipeline.id}`, as: 'key', status: 403 },
    boardForbidden: { path: `/v1/pipelines/${pipeline.id}/opportunities?${BOARD}`, as: 'key', status: 403 },
  },
  // <kith-reviews> reads a product's summary and its first page together, with the publishable key
  // alone; the list's query is written in the order the element sends it (sort, limit, rating,
  // language): the stories replay by exact path. <kith-rating>'s listing reads `aggregates`.
  reviews: {
    aggregate: { path: `/v1/products/${reviews.product}/reviews/aggregate`, as: 'key', schema: 'ReviewAggregate' },
    ...Object.fromEntries(
      [['en', 'en'], ['zhHans', 'zh-Hans'], ['zhHant', 'zh-Hant']].map(([name, language]) => [
        `list${name[0].toUpperCase()}${name.slice(1)}`,
        { path: `/v1/products/${reviews.product}/reviews?${reviewQuery({ language })}`, as: 'key', schema: 'PublicReviewPage' },
      ]),
    ),
    // "All languages", the sort menu and one star bar pressed (the English reader's).
    listAll: { path: `/v1/products/${reviews.product}/reviews?${reviewQuery({})}`, as: 'key', schema: 'PublicReviewPage' },
    listHighest: { path: `/v1/products/${reviews.product}/reviews?${reviewQuery({ sort: 'highest', language: 'en' })}`, as: 'key', schema: 'PublicReviewPage' },
    listLowest: { path: `/v1/products/${reviews.product}/reviews?${reviewQuery({ sort: 'lowest', language: 'en' })}`, as: 'key', schema: 'PublicReviewPage' },
    listByStar: { path: `/v1/products/${reviews.product}/reviews?${reviewQuery({ rating: reviews.star, language: 'en' })}`, as: 'key', schema: 'PublicReviewPage' },
    // A product the shop has just added: no review yet.
    emptyAggregate: { path: `/v1/products/${reviews.empty}/reviews/aggregate`, as: 'key', schema: 'ReviewAggregate' },
    emptyList: { path: `/v1/products/${reviews.empty}/reviews?${reviewQuery({ language: 'en' })}`, as: 'key', schema: 'PublicReviewPage' },
    // None in the reader's language: the element reads every language once before it says "No reviews yet".
    emptyListAll: { path: `/v1/products/${reviews.empty}/reviews?${reviewQuery({})}`, as: 'key', schema: 'PublicReviewPage' },
    notFound: { path: `/v1/products/${UNKNOWN_ID}/reviews/aggregate`, as: 'key', status: 404 },
    listNotFound: { path: `/v1/products/${UNKNOWN_ID}/reviews?${reviewQuery({ language: 'en' })}`, as: 'key', status: 404 },
    // Six products' summaries in one call, as a listing page's <kith-rating> tiles read them.
    aggregates: { path: `/v1/reviews/aggregates?${reviews.listing.map((id) => `productId=${id}`).join('&')}`, as: 'key', schema: 'ReviewAggregates' },
    rateLimited: { path: `/v1/products/${reviews.product}/reviews/aggregate`, as: 'key', status: 429, repeat: true },
    listRateLimited: { path: `/v1/products/${reviews.product}/reviews?${reviewQuery({ language: 'en' })}`, as: 'key', status: 429, repeat: true },
  },
});

/** The first page's query as `<kith-reviews>` sends it (see `listQuery` in its model): 10 reviews, newest first by default. */
function reviewQuery({ sort = 'newest', rating, language }) {
  return [`sort=${sort}`, 'limit=10', ...(rating ? [`rating=${rating}`] : []), ...(language ? [`language=${language}`] : [])].join('&');
}

/** What a fixture file carries besides its answers, per group (the ids its stories use). */
const extras = ({ timeline, pipeline, reviews }) => ({
  timeline: { emptyCustomerId: timeline.emptyCustomerId, channel: timeline.channel },
  pipeline: { pipelineId: pipeline.id, customerId: pipeline.customerId },
  reviews: { productId: reviews.product, emptyProductId: reviews.empty, listingProductIds: reviews.listing, star: reviews.star },
});

/** A GET as the staff token; throws unless the server answers 2xx. */
const reader = (url, staffToken) => async (path) => {
  const response = await fetch(`${url}${path}`, { headers: { accept: 'application/json', authorization: `Bearer ${staffToken}` } });
  if (!response.ok) throw new Error(`GET ${path} answered ${response.status}`);
  return response.json();
};

/** Every customer the staff token may read (all pages). */
async function allCustomers(get) {
  const customers = [];
  let cursor;
  do {
    const page = await get(`/v1/customers?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    customers.push(...page.items);
    cursor = page.next;
  } while (cursor);
  return customers;
}

/** A customer of the sample's account manager with points and a tier above theirs still to reach. */
async function climberId(get, customers) {
  const { program } = await get('/v1/loyalty/program');
  const top = program.tiers.reduce((a, b) => (b.threshold > a.threshold ? b : a));
  const climber = customers.find((c) => c.loyalty && c.loyalty.points > 0 && c.loyalty.tierId !== top.id);
  if (!climber) throw new Error('the demo has no customer below the top tier with points');
  return climber.id;
}

const DAY = 86_400_000;
const creditShare = ({ credit }) => (credit.limit.amount > 0 ? credit.used.amount / credit.limit.amount : Infinity);

/**
 * The customers of the card's stories besides the sample, picked from what the server holds
 * (by what they are, never by id: the picks follow the demo seed), each a different customer with an owner (the card
 * reads the owner's staff record). `first` takes the best of the candidates by `rank` (lowest
 * first; ties keep the server's order, by name).
 */
function pickCustomers(customers, sampleId) {
  const taken = new Set([sampleId]);
  const first = (story, why, accept, rank = () => 0) => {
    const candidates = customers.filter((c) => !taken.has(c.id) && c.ownerId && accept(c));
    const best = candidates.reduce((a, b) => (rank(b) < rank(a) ? b : a), candidates[0]);
    if (!best) throw new Error(`the demo has no customer for the "${story}" story: ${why}`);
    taken.add(best.id);
    return { id: best.id, ownerId: best.ownerId };
  };
  const overLimit = first(
    'Credit, most used',
    'a credit line',
    (c) => c.credit !== null,
    // The fullest credit line: over its limit if the demo has one, else the nearest.
    (c) => -creditShare(c),
  );
  const keyAccount = first(
    'Key account',
    'a private person who is a key account',
    (c) => c.kind === 'person' && c.value.keyAccount && !c.company,
    // The most valuable.
    (c) => -c.value.lifetimeValue.amount,
  );
  const churnRisk = first(
    'Churn risk',
    'a customer at high or medium risk of churn with a last order',
    (c) => (c.value.churnRisk?.level === 'high' || c.value.churnRisk?.level === 'medium') && c.value.lastOrderAt !== null,
    // The longest since their last order.
    (c) => Date.parse(c.value.lastOrderAt) / DAY,
  );
  // One with a credit line, if any is left.
  const organisation = first('Organisation', 'an organisation', (c) => c.kind === 'organisation', (c) => (c.credit ? 0 : 1));
  const contactPerson = first(
    'Contact person',
    'a person with a role at an organisation',
    (c) => c.kind === 'person' && Boolean(c.role && c.company && c.organisationId),
    // One of the organisation's people; then one with no tags and no orders (the card's empty rows).
    (c) => (c.organisationId === organisation.id ? 0 : 2) + (c.tags.length === 0 && c.value.orderCount === 0 ? 0 : 1),
  );
  return { keyAccount, churnRisk, overLimit, organisation, contactPerson };
}

/**
 * The timeline's stories besides the sample's first page: the channel its filter story presses
 * (the one with the most interactions that still fit on the first page: a filtered list that
 * visibly differs and needs no second page) and a customer with an empty timeline (the first,
 * in the server's order, among those never contacted).
 */
async function pickTimeline(get, customers, sampleId) {
  const first = await get(`/v1/customers/${sampleId}/interactions`);
  const [channel] = Object.entries(first.counts.channel)
    .filter(([, n]) => n > 0 && n <= first.items.length)
    .reduce((a, b) => (b[1] > a[1] ? b : a), ['', 0]);
  if (!channel) throw new Error('the sample customer\'s timeline has no channel whose interactions fit on its first page');
  for (const c of customers.filter((c) => c.id !== sampleId && c.lastContact === null)) {
    const page = await get(`/v1/customers/${c.id}/interactions?limit=1`);
    if (page.total === 0) return { channel, emptyCustomerId: c.id };
  }
  throw new Error('the demo has no customer with an empty timeline');
}

/** The demo's pipeline (the shop's first, with deals this staff member sees), the owners on its board, and the customer with most deals on it. */
async function pickPipeline(get) {
  const { items } = await get('/v1/pipelines?limit=100');
  const pipeline = items.find((p) => p.totals.count > 0);
  if (!pipeline) throw new Error('the demo has no pipeline with deals the sample\'s account manager sees');
  const board = await get(`/v1/pipelines/${pipeline.id}/opportunities?${BOARD}`);
  if (board.next) throw new Error('the demo\'s pipeline has more than one page of deals: record the later pages too');
  const owners = [...new Set(board.items.flatMap((deal) => (deal.ownerId ? [deal.ownerId] : [])))].sort();
  const dealsOf = new Map();
  for (const deal of board.items) dealsOf.set(deal.customerId, (dealsOf.get(deal.customerId) ?? 0) + 1);
  // Most deals first, then by id: the same pick from the same seed.
  const [customerId] = [...dealsOf].sort(([a, m], [b, n]) => n - m || (a < b ? -1 : 1))[0];
  return { id: pipeline.id, owners, customerId };
}

/**
 * The products of the reviews' stories: the demo's sample product (published reviews in more than
 * one language, one with the shop's reply) — or, from a server that does not name one, the product
 * with most published reviews the staff token sees among those in two languages with a reply; the
 * star with most of its English reviews (a pressed bar that keeps some); six reviewed products for
 * a listing; and a product the shop adds now (through ingestion, with the demo's secret key):
 * nothing reviewed yet.
 */
async function pickReviews(get, demo) {
  const published = [];
  let cursor;
  do {
    const page = await get(`/v1/feedback?kind=review&status=published&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    published.push(...page.items);
    cursor = page.next;
  } while (cursor);
  const byProduct = new Map();
  for (const review of published) byProduct.set(review.productId, [...(byProduct.get(review.productId) ?? []), review]);
  const ranked = [...byProduct].sort(([a, x], [b, y]) => y.length - x.length || (a < b ? -1 : 1)).map(([id]) => id);
  const fits = (id) => {
    const list = byProduct.get(id) ?? [];
    return new Set(list.map((r) => r.language)).size > 1 && list.some((r) => r.reply);
  };
  const product = demo.sampleProductId ?? ranked.find(fits);
  if (!product) throw new Error('the demo has no product with published reviews in two languages and a reply');
  const english = (await get(`/v1/products/${product}/reviews?language=en&limit=100`)).items;
  const count = (stars) => english.filter((review) => review.rating === stars).length;
  const star = [5, 4, 3, 2, 1].reduce((best, stars) => (count(stars) > count(best) ? stars : best), 5);
  if (!demo.secretKey) throw new Error('the server gave no secret key (an in-memory first start always does)');
  const response = await fetch(`${server.url}/v1/ingest/products`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${demo.secretKey}` },
    body: JSON.stringify({ externalId: 'SKU-STORY-NEW', name: 'Linen tote (new)' }),
  });
  if (!response.ok) throw new Error(`PUT /v1/ingest/products answered ${response.status}`);
  const empty = (await response.json()).id;
  const listing = [...new Set([product, demo.purchasedProductId, ...ranked].filter(Boolean))].slice(0, 6);
  return { product, star, empty, listing };
}

const server = await startServer({ port: 0, dataDir: 'memory', log: () => {}, settings: { rateLimits: { perKey: PER_KEY } } });
try {
  const demo = server.demo;
  if (!demo) throw new Error('the server seeded no demo');
  const grant = { publishableKey: demo.publishableKey };
  // staff:read: the card reads the owner's staff record, its owner editor the list of colleagues,
  // the pipeline's owner filter the names of the owners on the board. opportunities:read: the pipeline.
  // feedback:read: the published reviews, to pick the products of the reviews' stories.
  const staff = await server.mintToken({
    ...grant,
    kind: 'staff',
    subject: demo.staffId,
    scopes: ['customers:read', 'loyalty:read', 'staff:read', 'opportunities:read', 'feedback:read'],
  });
  const customer = await server.mintToken({ ...grant, kind: 'customer', subject: demo.sampleCustomerId });
  const credentials = { staff: staff.token, customer: customer.token, key: demo.publishableKey, 'bad-key': 'pk_not_a_real_key' };

  const get = reader(server.url, credentials.staff);
  const customers = await allCustomers(get);
  const sample = customers.find((c) => c.id === demo.sampleCustomerId);
  if (!sample?.ownerId) throw new Error('the demo\'s sample customer has no owner');
  const ids = {
    sample: sample.id,
    climber: await climberId(get, customers),
    cards: { customer: { id: sample.id, ownerId: sample.ownerId }, ...pickCustomers(customers, sample.id) },
    timeline: await pickTimeline(get, customers, sample.id),
    pipeline: await pickPipeline(get),
    reviews: await pickReviews(get, demo),
  };

  // Rate-limit answers last: once the key is over its limit, everything else would be refused too.
  const plan = Object.entries(groups(ids))
    .flatMap(([group, recordings]) => Object.entries(recordings).map(([name, recording]) => ({ group, name, ...recording })))
    .sort((a, b) => Number(Boolean(a.repeat)) - Number(Boolean(b.repeat)));
  const files = {};
  for (const { group, name, path, as, schema = 'ErrorEnvelope', status: expected = 200, repeat = false } of plan) {
    const ask = () => fetch(`${server.url}${path}`, { headers: { accept: 'application/json', authorization: `Bearer ${credentials[as]}` } });
    let response = await ask();
    for (let tries = 1; repeat && response.status !== expected && tries < 2 * PER_KEY; tries++) {
      await response.arrayBuffer();
      response = await ask();
    }
    const body = await response.json();
    if (response.status !== expected) {
      throw new Error(`${group}.${name}: GET ${path} as ${as} answered ${response.status}, expected ${expected}: ${JSON.stringify(body)}`);
    }
    const checked = schemas[schema];
    if (typeof checked?.parse !== 'function') throw new Error(`${group}.${name}: @kith/schema has no schema ${schema}`);
    checked.parse(body);
    // The headers the SDK reads; nothing else (dates, request ids) is worth keeping.
    const headers = Object.fromEntries(['etag', 'retry-after'].flatMap((h) => (response.headers.has(h) ? [[h, response.headers.get(h)]] : [])));
    (files[group] ??= {})[name] = { method: 'GET', path, as, status: response.status, headers, schema, body };
  }

  await mkdir(outDir, { recursive: true });
  for (const [group, recordings] of Object.entries(groups(ids))) {
    // In the order the groups list them, whatever order they were asked in.
    const responses = Object.fromEntries(Object.keys(recordings).map((name) => [name, files[group][name]]));
    const file = join(outDir, `${group}.json`);
    const fixture = {
      $comment: 'Recorded from the real server by scripts/record-story-data.mjs (npm run story-data); never edit by hand.',
      sampleCustomerId: ids.sample,
      climberCustomerId: ids.climber,
      unknownId: UNKNOWN_ID,
      ...extras(ids)[group],
      responses,
    };
    await writeFile(file, `${JSON.stringify(fixture, null, 2)}\n`);
    console.log(`recorded ${Object.keys(responses).length} answers into ${relative(root, file)}`);
  }
} finally {
  await server.close();
}
