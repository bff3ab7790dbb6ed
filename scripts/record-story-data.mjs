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

/** Requests per minute per key: small, so that a real 429 can be recorded (`repeat`). */
const PER_KEY = 20;

/**
 * What to record, per fixture file. `as` names the credential: `staff` (the sample customer's
 * account manager), `customer` (the sample customer's own token), `key` (the publishable key
 * alone) or `bad-key` (a key the server does not know). `schema` names the @kith/schema schema
 * of a successful answer; error answers are checked against `ErrorEnvelope`. `repeat: true` asks
 * again (at most 2 × PER_KEY times) until the server gives the expected status: the rate limit.
 */
const groups = ({ sample, climber }) => ({
  customers: {
    customer: { path: `/v1/customers/${sample}`, as: 'staff', schema: 'Customer' },
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
});

/** A customer of the sample's account manager with points and a tier above theirs still to reach. */
async function climberId(url, staffToken) {
  const get = async (path) => {
    const response = await fetch(`${url}${path}`, { headers: { accept: 'application/json', authorization: `Bearer ${staffToken}` } });
    if (!response.ok) throw new Error(`GET ${path} answered ${response.status}`);
    return response.json();
  };
  const { program } = await get('/v1/loyalty/program');
  const top = program.tiers.reduce((a, b) => (b.threshold > a.threshold ? b : a));
  const { items } = await get('/v1/customers?limit=100');
  const climber = items.find((c) => c.loyalty && c.loyalty.points > 0 && c.loyalty.tierId !== top.id);
  if (!climber) throw new Error('the demo has no customer below the top tier with points');
  return climber.id;
}

const server = await startServer({ port: 0, dataDir: 'memory', log: () => {}, settings: { rateLimits: { perKey: PER_KEY } } });
try {
  const demo = server.demo;
  if (!demo) throw new Error('the server seeded no demo');
  const grant = { publishableKey: demo.publishableKey };
  const staff = await server.mintToken({ ...grant, kind: 'staff', subject: demo.staffId, scopes: ['customers:read', 'loyalty:read'] });
  const customer = await server.mintToken({ ...grant, kind: 'customer', subject: demo.sampleCustomerId });
  const credentials = { staff: staff.token, customer: customer.token, key: demo.publishableKey, 'bad-key': 'pk_not_a_real_key' };

  const ids = { sample: demo.sampleCustomerId, climber: await climberId(server.url, credentials.staff) };

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
      responses,
    };
    await writeFile(file, `${JSON.stringify(fixture, null, 2)}\n`);
    console.log(`recorded ${Object.keys(responses).length} answers into ${relative(root, file)}`);
  }
} finally {
  await server.close();
}
