// Bad input for every ingestion route (test data for routes/ingestion.test.ts): each must be
// a 400 naming the field (or 413 for an oversize body), never a 5xx.

export interface BadInputCase {
  method: 'PUT' | 'POST';
  path: string;
  name: string;
  /** A string is sent as is (malformed JSON); anything else as JSON. */
  body: unknown;
  status: 400 | 413;
  /** The issue path (joined with dots) the answer must name, when there is one. */
  field?: string;
}

const eur = (amount: number) => ({ amount, currency: 'EUR' });
const long = (n: number) => 'x'.repeat(n);
const line = { name: 'Scarf', quantity: 1, unitPrice: eur(100), total: eur(100) };
const order = { externalId: 'bad-1', customerId: '00000000-0000-4000-8000-000000000000', status: 'paid', lines: [line], subtotal: eur(100), total: eur(100), placedAt: '2024-01-01T00:00:00Z' };
const customer = { externalId: 'bad-c', name: 'Bad Input' };
const product = { externalId: 'bad-p', name: 'Bad Product' };

/** The cases every body-taking route shares. */
function common(method: 'PUT' | 'POST', path: string, valid: Record<string, unknown>, maxBytes: number): BadInputCase[] {
  return [
    { method, path, name: 'malformed JSON', body: '{"name":', status: 400 },
    { method, path, name: 'not an object', body: [valid], status: 400 },
    { method, path, name: 'unknown field', body: { ...valid, isAdmin: true }, status: 400 },
    { method, path, name: 'oversize body', body: { ...valid, padding: long(maxBytes + 1) }, status: 413 },
  ];
}

const single = (method: 'PUT' | 'POST', path: string, valid: Record<string, unknown>, maxBytes: number, cases: [string, Record<string, unknown>, string][]) => [
  ...common(method, path, valid, maxBytes),
  ...cases.map(([name, body, field]): BadInputCase => ({ method, path, name, body, status: 400, field })),
];

/** A batch route: the item's cases, with the item's index in the path. */
const batch = (path: string, valid: Record<string, unknown>, maxBytes: number, cases: [string, Record<string, unknown>, string][]) => [
  ...common('POST', path, { items: [valid] }, maxBytes),
  { method: 'POST' as const, path, name: 'empty batch', body: { items: [] }, status: 400 as const, field: 'items' },
  ...cases.map(([name, body, field]): BadInputCase => ({ method: 'POST', path, name: `item: ${name}`, body: { items: [valid, body] }, status: 400, field: `items.1.${field}` })),
];

const customerCases: [string, Record<string, unknown>, string][] = [
  ['name missing', { externalId: 'x' }, 'name'],
  ['name over-long', { ...customer, name: long(201) }, 'name'],
  ['name blank', { ...customer, name: '   ' }, 'name'],
  ['externalId over-long', { ...customer, externalId: long(129) }, 'externalId'],
  ['kind unknown', { ...customer, kind: 'robot' }, 'kind'],
  ['tags not an array', { ...customer, tags: 'vip' }, 'tags'],
  ['channel kind unknown', { ...customer, channels: [{ kind: 'pigeon', value: 'x', preferred: true }] }, 'channels.0.kind'],
  ['e-mail channel not an address', { ...customer, channels: [{ kind: 'email', value: 'not-an-address', preferred: true }] }, 'channels.0.value'],
  ['ownerId not a uuid', { ...customer, ownerId: 'bob' }, 'ownerId'],
  ['locale not a language tag', { ...customer, locale: 'english please' }, 'locale'],
  ['currency unknown', { ...customer, currency: 'XXY' }, 'currency'],
];
const productCases: [string, Record<string, unknown>, string][] = [
  ['externalId missing', { name: 'x' }, 'externalId'],
  ['url not http(s)', { ...product, url: 'javascript:alert(1)' }, 'url'],
  ['price negative', { ...product, price: eur(-1) }, 'price.amount'],
  ['price a float', { ...product, price: eur(1.5) }, 'price.amount'],
  ['name a number', { ...product, name: 42 }, 'name'],
];
const orderCases: [string, Record<string, unknown>, string][] = [
  ['no customer', { ...order, customerId: undefined }, 'customerId'],
  ['both customer keys', { ...order, customerExternalId: 'x' }, 'customerId'],
  ['customerId not a uuid', { ...order, customerId: '42' }, 'customerId'],
  ['status unknown', { ...order, status: 'lost-in-post' }, 'status'],
  ['no lines', { ...order, lines: [] }, 'lines'],
  ['quantity 0', { ...order, lines: [{ ...line, quantity: 0 }] }, 'lines.0.quantity'],
  ['mixed currencies', { ...order, lines: [{ ...line, total: { amount: 100, currency: 'USD' } }] }, 'lines.0.total.currency'],
  ['placedAt not a time', { ...order, placedAt: 'yesterday' }, 'placedAt'],
  ['total a string', { ...order, total: '100' }, 'total'],
];

const KiB = 1024;
const MiB = 1024 * KiB;

export const badInputCases: BadInputCase[] = [
  ...single('PUT', '/v1/ingest/customers', customer, 256 * KiB, customerCases),
  ...batch('/v1/ingest/customers/batch', customer, 2 * MiB, customerCases),
  ...single('PUT', '/v1/ingest/products', product, 256 * KiB, productCases),
  ...batch('/v1/ingest/products/batch', product, 2 * MiB, productCases),
  ...single('PUT', '/v1/ingest/orders', order, MiB, orderCases),
  ...batch('/v1/ingest/orders/batch', order, 8 * MiB, orderCases),
  ...single('POST', '/v1/ingest/points', { customerId: order.customerId, points: 1, reason: 'adjust' }, 256 * KiB, [
    ['points 0', { customerId: order.customerId, points: 0, reason: 'adjust' }, 'points'],
    ['negative purchase', { customerId: order.customerId, points: -5, reason: 'purchase' }, 'points'],
    ['points a float', { customerId: order.customerId, points: 1.5, reason: 'adjust' }, 'points'],
    ['reason redeem (the shopper redeems)', { customerId: order.customerId, points: -5, reason: 'redeem' }, 'reason'],
    ['note over-long', { customerId: order.customerId, points: 1, reason: 'adjust', note: long(501) }, 'note'],
    ['points beyond the limit', { customerId: order.customerId, points: 10_000_001, reason: 'adjust' }, 'points'],
  ]),
  ...single('POST', '/v1/ingest/referrals', { referrerId: order.customerId, referredId: order.customerId }, 256 * KiB, [
    ['referrerId not a uuid', { referrerId: 'me', referredId: order.customerId }, 'referrerId'],
    ['referredId missing', { referrerId: order.customerId }, 'referredId'],
  ]),
];
