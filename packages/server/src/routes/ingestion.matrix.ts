import { randomUUID } from 'node:crypto';
import { onlyAllowed, type MatrixRow } from '../test-support/matrix.js';

// Ingestion is the shop's server only: the secret key, never from a browser (`skBrowser`).
// Bodies carry fresh external ids, so the one credential that passes always creates (201).
const serverOnly = (status = 201) => onlyAllowed({ sk: status });
const money = (amount: number) => ({ amount, currency: 'EUR' });
const customer = () => ({ externalId: `matrix-${randomUUID()}`, name: 'Matrix Customer' });
const product = () => ({ externalId: `matrix-${randomUUID()}`, name: 'Matrix Product' });
const order = (customerId: string) => ({
  externalId: `matrix-${randomUUID()}`, customerId, status: 'paid', placedAt: '2024-01-02T03:04:05.000Z',
  lines: [{ name: 'Scarf', quantity: 1, unitPrice: money(1000), total: money(1000) }], subtotal: money(1000), total: money(1000),
});

export const ingestionMatrix: MatrixRow[] = [
  { route: 'PUT /v1/ingest/customers', path: () => '/v1/ingest/customers', body: customer, expect: serverOnly() },
  { route: 'POST /v1/ingest/customers/batch', path: () => '/v1/ingest/customers/batch', body: () => ({ items: [customer()] }), expect: serverOnly(200) },
  { route: 'PUT /v1/ingest/products', path: () => '/v1/ingest/products', body: product, expect: serverOnly() },
  { route: 'POST /v1/ingest/products/batch', path: () => '/v1/ingest/products/batch', body: () => ({ items: [product()] }), expect: serverOnly(200) },
  { route: 'PUT /v1/ingest/orders', path: () => '/v1/ingest/orders', body: (api) => order(api.otherCustomerId), expect: serverOnly() },
  {
    route: 'POST /v1/ingest/orders/batch', path: () => '/v1/ingest/orders/batch',
    body: (api) => ({ items: [order(api.otherCustomerId)] }), expect: serverOnly(200),
  },
  {
    route: 'POST /v1/ingest/points', path: () => '/v1/ingest/points',
    body: (api) => ({ customerId: api.otherCustomerId, points: 1, reason: 'adjust', note: 'auth matrix' }), expect: serverOnly(),
  },
  {
    // A fresh customer cannot be ingested here (bodies are synchronous), so the pair is
    // fixed: credited the first time (201), answered again (200) on a re-run of the same database.
    route: 'POST /v1/ingest/referrals', path: () => '/v1/ingest/referrals',
    body: (api) => ({ referrerId: api.customerId, referredId: api.otherCustomerId }), expect: serverOnly(),
  },
];
