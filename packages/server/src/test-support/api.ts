// One seeded API per test process and database variant, with every kind of credential the
// auth matrix needs, minted through the real POST /v1/tokens. A settable clock drives
// token expiry, due times and key retention without sleeping.
import assert from 'node:assert/strict';
import type { Hono } from 'hono';
import { ErrorEnvelope, type Scope } from '@kith/schema';
import { createApp } from '../app.js';
import type { Database } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import type { AppEnv } from '../http/env.js';
import type { RouteSpec } from '../http/route.js';
import { createApiKey } from '../keys/api-keys.js';
import { ensureDemo, type DemoInfo } from '../seed/demo.js';
import { Services } from '../services.js';
import type { SettingsOverride } from '../settings.js';
import { must } from '../util/must.js';

export const SHOP = 'https://shop.example';
export const FOREIGN = 'https://evil.example';
export const OTHER_SHOP = 'https://other-shop.example';
export const ALL_SCOPES: Scope[] = [
  'customers:read', 'customers:write', 'interactions:write', 'opportunities:read', 'opportunities:write',
  'feedback:read', 'feedback:moderate', 'loyalty:read', 'loyalty:adjust', 'staff:read', 'analytics:read', 'audit:read',
  'privacy:manage',
];

/** The credentials of the auth matrix, as request headers. */
export const CREDENTIALS = [
  'none', 'pk', 'pkForeign', 'customer', 'otherCustomer', 'staffNoScope', 'staff',
  'expired', 'tampered', 'otherPk', 'sk', 'skBrowser',
] as const;
export type CredentialName = (typeof CREDENTIALS)[number];

export interface TestApi {
  db: Database;
  app: Hono<AppEnv>;
  demo: DemoInfo & { secretKey: string };
  logs: string[];
  /** The clock the app reads; set `clock.now` to move time. */
  clock: { now: Date };
  /** Started; the periodic jobs have no timer here: call `services.scheduler.runDue()`. */
  services: Services;
  /** The customer the `customer` token speaks for, and another one. */
  customerId: string;
  otherCustomerId: string;
  /** The sample customer's owner (the `staff` tokens' subject). */
  staffId: string;
  headers: Record<CredentialName, Record<string, string>>;
  /** A staff token with exactly these scopes, from the shop's origin. */
  staffWith(scopes: Scope[], staffId?: string): Promise<Record<string, string>>;
  /** A customer token for this customer, from the shop's origin. */
  customerAs(customerId: string): Promise<Record<string, string>>;
  request(method: string, path: string, headers?: Record<string, string>, body?: unknown): Promise<Response>;
}

/**
 * Test settings: no background timer (tests run jobs by hand) and no rate limits unless a
 * suite asks for them, so suites making many requests are not throttled.
 */
export const TEST_SETTINGS: SettingsOverride = { jobs: { intervalMs: 0 }, rateLimits: null };

/** Builds the API on a migrated, demo-seeded database. */
export async function testApi(
  db: Database,
  routes?: readonly RouteSpec[],
  options: { settings?: SettingsOverride } = {},
): Promise<TestApi> {
  await migrate(db);
  const demo = must(await ensureDemo(db, { origins: [SHOP] }), 'the demo (seed once per database)');
  const secretKey = must(demo.secretKey, 'the demo secret key (first start only)');
  const other = await createApiKey(db, { kind: 'publishable', name: 'other shop', label: 'other', allowedOrigins: [OTHER_SHOP] });
  const clock = { now: new Date() };
  const logs: string[] = [];
  const log = (line: string) => logs.push(line);
  const services = new Services(db, { log, clock: () => clock.now, settings: { ...TEST_SETTINGS, ...options.settings } });
  await services.start();
  const app = createApp({ db, log, clock: () => clock.now, services, ...(routes ? { routes } : {}) });

  const { rows: customers } = await db.query<{ id: string }>(
    'SELECT id FROM customers WHERE id <> $1 ORDER BY id LIMIT 1',
    [demo.sampleCustomerId],
  );
  // The sample customer's account manager: the `staff` tokens see that customer by ownership.
  const { rows: staff } = await db.query<{ id: string }>('SELECT owner_id AS id FROM customers WHERE id = $1', [demo.sampleCustomerId]);
  const customerId = demo.sampleCustomerId;
  const otherCustomerId = must(customers[0], 'a second customer').id;
  const staffId = must(staff[0]?.id, 'the sample customer\'s owner');

  const request = async (method: string, path: string, headers: Record<string, string> = {}, body?: unknown) =>
    app.request(path, {
      method,
      headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });

  const mint = async (grant: Record<string, unknown>, publishableKey = demo.publishableKey) => {
    const response = await request('POST', '/v1/tokens', { authorization: `Bearer ${secretKey}` }, { publishableKey, ...grant });
    assert.equal(response.status, 201, await response.clone().text());
    return ((await response.json()) as { token: string }).token;
  };
  const bearer = (token: string, origin = SHOP) => ({ authorization: `Bearer ${token}`, origin });
  const staffWith = async (scopes: Scope[], subject = staffId) => bearer(await mint({ kind: 'staff', subject, scopes }));
  const customerAs = async (subject: string) => bearer(await mint({ kind: 'customer', subject }));

  const staffToken = await mint({ kind: 'staff', subject: staffId, scopes: ALL_SCOPES });
  const [head, payload, signature] = staffToken.split('.') as [string, string, string];
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
  const forged = Buffer.from(JSON.stringify({ ...claims, sub: otherCustomerId, knd: 'customer' })).toString('base64url');
  const realNow = clock.now;
  clock.now = new Date(realNow.getTime() - 3_600_000);
  const expiredToken = await mint({ kind: 'staff', subject: staffId, scopes: ALL_SCOPES });
  clock.now = realNow;

  const headers: Record<CredentialName, Record<string, string>> = {
    none: { origin: SHOP },
    pk: { authorization: `Bearer ${demo.publishableKey}`, origin: SHOP },
    pkForeign: { authorization: `Bearer ${demo.publishableKey}`, origin: FOREIGN },
    customer: await customerAs(customerId),
    otherCustomer: await customerAs(otherCustomerId),
    staffNoScope: await staffWith([]),
    staff: bearer(staffToken),
    expired: bearer(expiredToken),
    tampered: bearer(`${head}.${forged}.${signature}`),
    otherPk: bearer(await mint({ kind: 'staff', subject: staffId, scopes: ALL_SCOPES }, other.key)),
    sk: { authorization: `Bearer ${secretKey}` },
    skBrowser: { authorization: `Bearer ${secretKey}`, origin: SHOP },
  };

  return { db, app, demo: { ...demo, secretKey }, logs, clock, services, customerId, otherCustomerId, staffId, headers, staffWith, customerAs, request };
}

/** Asserts an error response: status, the envelope's shape and code; returns the envelope. */
export async function assertError(response: Response, status: number, code?: string): Promise<ErrorEnvelope> {
  const text = await response.text();
  assert.equal(response.status, status, text);
  assert.match(response.headers.get('content-type') ?? '', /application\/json/);
  const body: unknown = JSON.parse(text);
  assert.ok(ErrorEnvelope.safeParse(body).success, text);
  if (code) assert.equal((body as ErrorEnvelope).error.code, code);
  return body as ErrorEnvelope;
}
