// The peer of `npm run bench:server`: a bare Hono app (plain `hono`, no Kith middleware)
// whose three handlers do the work Kith's routes do, with the same SQL, on the same
// database. What it does and leaves out is listed in BARE_NOTES, which the report prints.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Database, Queryable } from '../../packages/server/src/db/database.js';
import { SELECT_CUSTOMERS } from '../../packages/server/src/customers/read.js';
import { FEEDBACK_COLUMNS } from '../../packages/server/src/feedback/read.js';
import { tierStanding, type DatedPoints } from '../../packages/server/src/loyalty/tier-window.js';
import { tierFor } from '../../packages/server/src/loyalty/tiers.js';

/** What the bare handlers do and skip, printed beside the figures. */
export const BARE_NOTES = [
  'bare: every request looks its API key up by SHA-256 hash in api_keys (no cache; Kith reads keys from its KeyCache),',
  '      checks revocation and the Origin against the key, sets the CORS headers Kith sets;',
  '      a staff token is verified like Kith (HS256 HMAC with the signing secret, iss/aud/exp, scope) and its',
  '      bound publishable key looked up by id (no cache); the signing secrets are read once, as Kith caches them;',
  '      then the route\'s SQL, statement for statement (customer get: role, visibility, row, tier refresh,',
  '      visibility, row; submit: idempotency claim, product check, spam signals, insert, event + NOTIFY + webhook',
  '      queueing, stored response), rows JSON.stringify-ed.',
  'bare leaves out: zod validation of input and output (it checks the review body and path id by hand),',
  '      row-to-API mapping, request log, client address, rate limiting, Kith\'s error envelope.',
];

const BEARER = /^Bearer\s+(\S+)\s*$/i;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;
const IDEMPOTENCY_DAYS = 7;

interface KeyRow {
  id: string;
  kind: 'publishable' | 'secret';
  allowed_origins: string[];
  revoked_at: Date | null;
}

interface Claims {
  iss: string;
  aud: string;
  sub: string;
  knd: string;
  scp: string[];
  pk: string;
  iat: number;
  exp: number;
}

/** Thrown by the handlers; answered as `{ error }` JSON with its status. */
class Refused extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 415 | 422,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The bare app on `db`; `secrets` are the signing secrets by key id (read once at start);
 * `reviewMinFillMs` is Kith's setting, so both judge the spam signals alike.
 */
export function createBareApp(db: Database, secrets: ReadonlyMap<string, string>, options: { reviewMinFillMs: number }): Hono {
  const app = new Hono();

  app.get('/v1/products/:id/reviews', async (c) => {
    await publishableKey(c, db);
    const productId = uuidParam(c);
    const { rows: product } = await db.query('SELECT 1 FROM products WHERE id = $1', [productId]);
    if (product.length === 0) throw new Refused(404, 'No such product.');
    const limit = 20;
    // The SQL of reviews/list.ts for the default sort (newest), no filter, first page.
    const { rows } = await db.query(
      `SELECT ${FEEDBACK_COLUMNS}, 0 AS sort_rank, (-extract(epoch FROM f.created_at))::text AS sort_key
         FROM feedback f
        WHERE f.kind = 'review' AND f.moderation_status = 'published' AND f.product_id = $1
        ORDER BY sort_rank, (-extract(epoch FROM f.created_at)), f.id
        LIMIT $2`,
      [productId, limit + 1],
    );
    c.header('Cache-Control', 'private, max-age=60');
    return json(c, 200, { items: rows.slice(0, limit), more: rows.length > limit });
  });

  app.get('/v1/customers/:id', async (c) => {
    const claims = await staffToken(c, db, secrets);
    if (claims.knd !== 'staff' || !claims.scp.includes('customers:read')) throw new Refused(403, 'Needs customers:read.');
    const id = uuidParam(c);
    const now = new Date();
    // The SQL of routes/customers.ts → visibilityOf, visibleCustomer, refreshTiers, visibleCustomer.
    const { rows: staff } = await db.query<{ role: string }>('SELECT role FROM staff WHERE id = $1', [claims.sub]);
    const role = staff[0]?.role;
    if (role === undefined) throw new Refused(404, 'No such customer.');
    const all = role === 'admin' || role === 'support';
    await visibleCustomer(db, id, all, claims.sub);
    await refreshTiers(db, id, now);
    const customer = await visibleCustomer(db, id, all, claims.sub);
    c.header('ETag', `"${String(customer.version)}"`);
    c.header('Cache-Control', 'private, no-cache');
    return json(c, 200, customer);
  });

  app.post('/v1/feedback', async (c) => {
    const key = await publishableKey(c, db);
    if (!/^application\/json\b/i.test(c.req.header('Content-Type') ?? '')) throw new Refused(415, 'Send JSON.');
    const text = await c.req.text();
    const review = parseReview(text);
    const idempotencyKey = c.req.header('Idempotency-Key');
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) throw new Refused(400, 'Bad Idempotency-Key.');
    const scope = [`pk:${key.id}`, 'POST', '/v1/feedback'] as const;
    const now = new Date();
    // The transaction of http/idempotency.ts around feedback/create.ts, statement for statement.
    const result = await db.transaction(async (tx) => {
      if (idempotencyKey !== undefined) {
        const hash = createHash('sha256').update(text).digest('hex');
        const expired = new Date(now.getTime() - IDEMPOTENCY_DAYS * 86_400_000);
        await tx.query(
          'DELETE FROM idempotency_keys WHERE subject = $1 AND method = $2 AND path = $3 AND key = $4 AND created_at < $5',
          [...scope, idempotencyKey, expired],
        );
        const { rows: claimed } = await tx.query(
          `INSERT INTO idempotency_keys (subject, method, path, key, request_hash, created_at)
           VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING key`,
          [...scope, idempotencyKey, hash, now],
        );
        if (claimed.length === 0) {
          const { rows } = await tx.query<{ request_hash: string; status: number | null; body: unknown }>(
            'SELECT request_hash, status, body FROM idempotency_keys WHERE subject = $1 AND method = $2 AND path = $3 AND key = $4',
            [...scope, idempotencyKey],
          );
          const stored = rows[0];
          if (!stored || stored.status === null) throw new Refused(409, 'Still being processed.');
          if (stored.request_hash !== hash) throw new Refused(422, 'Idempotency-Key reused with another body.');
          return { status: stored.status, body: stored.body, replayed: true };
        }
      }
      const { rows: product } = await tx.query<{ order_id: string | null }>(
        `SELECT (SELECT o.id FROM orders o JOIN order_lines l ON l.order_id = o.id
                  WHERE o.customer_id = $2 AND l.product_id = p.id AND o.status NOT IN ('cancelled', 'refunded')
                  ORDER BY o.placed_at DESC, o.id LIMIT 1) AS order_id
           FROM products p WHERE p.id = $1`,
        [review.productId, null],
      );
      if (!product[0]) throw new Refused(400, 'Unknown product.');
      const orderId = product[0].order_id;
      // The widget's spam signals (abuse/review-spam.ts): a bot's review is stored rejected.
      const spam =
        (review.website !== undefined && review.website !== '') || (review.fillMs !== undefined && review.fillMs < options.reviewMinFillMs)
          ? 'Automatic: likely spam'
          : null;
      const { rows } = await tx.query<{ id: string }>(
        `WITH f AS (INSERT INTO feedback (kind, customer_id, product_id, order_id, rating, title, body, author_name, language,
                               verified_purchase, moderation_status, rejection_reason, created_at, updated_at)
         VALUES ('review', $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12) RETURNING *) SELECT ${FEEDBACK_COLUMNS} FROM f`,
        [
          null, review.productId, orderId, review.rating, review.title, review.body, review.authorName, review.language,
          orderId !== null, spam === null ? 'pending' : 'rejected', spam, now,
        ],
      );
      const body = rows[0];
      if (body && spam === null) {
        // "Review awaiting moderation" (events/feedback-events.ts → events/publish.ts → webhooks/enqueue.ts).
        const data = { feedbackId: body.id, customerId: null, productId: review.productId, rating: review.rating, verifiedPurchase: orderId !== null };
        const { rows: event } = await tx.query<{ id: string }>(
          'INSERT INTO events (topic, type, audience, data, at) VALUES ($1, $2, $3, $4::jsonb, $5) RETURNING id',
          ['inbox', 'review.created', 'staff', JSON.stringify(data), now],
        );
        const eventId = String(event[0]?.id);
        await tx.query('SELECT pg_notify($1, $2)', ['kith_events', `${eventId} inbox`]);
        const published = { id: eventId, topic: 'inbox', type: 'review.created', at: now.toISOString(), data };
        const { rows: queued } = await tx.query<{ queued: number }>(
          `WITH queued AS (
             INSERT INTO webhook_deliveries (endpoint_id, event_id, event_type, payload, next_attempt_at, created_at)
             SELECT id, $1, $2, $3::jsonb, $4, $4 FROM webhook_endpoints WHERE active AND $2 = ANY (events)
             RETURNING 1)
           SELECT count(*)::int AS queued FROM queued`,
          [eventId, 'review.created', JSON.stringify(published), now],
        );
        if ((queued[0]?.queued ?? 0) > 0) await tx.query('SELECT pg_notify($1, $2)', ['kith_webhooks', '']);
      }
      if (idempotencyKey !== undefined) {
        await tx.query(
          'UPDATE idempotency_keys SET status = $5, body = $6::jsonb WHERE subject = $1 AND method = $2 AND path = $3 AND key = $4',
          [...scope, idempotencyKey, 201, JSON.stringify(body ?? null)],
        );
      }
      return { status: 201, body, replayed: false };
    });
    if (result.replayed) c.header('Idempotent-Replayed', 'true');
    return json(c, result.status as ContentfulStatusCode, result.body);
  });

  app.onError((error, c) => {
    if (error instanceof Refused) return json(c, error.status, { error: error.message });
    return json(c, 500, { error: 'internal' });
  });
  return app;
}

/** A JSON answer (`JSON.stringify`) with the CORS headers Kith's `cors()` puts on every real response. */
function json(c: Context, status: ContentfulStatusCode, value: unknown): Response {
  c.header('Vary', 'Origin', { append: true });
  const origin = c.req.header('Origin');
  if (origin) {
    c.header('Access-Control-Allow-Origin', origin);
    c.header('Access-Control-Expose-Headers', 'ETag');
  }
  return c.json(value as object, status);
}

function uuidParam(c: Context): string {
  const id = c.req.param('id') ?? '';
  if (!UUID.test(id)) throw new Refused(400, 'Bad id.');
  return id;
}

function bearer(c: Context): string {
  const value = BEARER.exec(c.req.header('Authorization') ?? '')?.[1];
  if (!value) throw new Refused(401, 'Missing or malformed Authorization.');
  return value;
}

/** The origin check of Kith's `auth.ts`: a browser page only from the key's origins. */
function checkOrigin(c: Context, key: KeyRow): void {
  const raw = c.req.header('Origin');
  if (raw === undefined) return;
  let origin: string | null;
  try {
    origin = new URL(raw).origin;
  } catch {
    origin = null;
  }
  if (origin === null || origin === 'null' || !key.allowed_origins.includes(origin)) throw new Refused(403, 'Origin not allowed.');
}

const KEY_COLUMNS = 'id, kind, name, prefix, allowed_origins, revoked_at';

/** `Bearer pk_…`: looked up by its SHA-256 on every request. */
async function publishableKey(c: Context, db: Queryable): Promise<KeyRow> {
  const value = bearer(c);
  if (!value.startsWith('pk_')) throw new Refused(403, 'Needs a publishable key.');
  const hash = createHash('sha256').update(value, 'utf8').digest('hex');
  const { rows } = await db.query<KeyRow>(`SELECT ${KEY_COLUMNS} FROM api_keys WHERE key_hash = $1`, [hash]);
  const key = rows[0];
  if (!key || key.revoked_at) throw new Refused(401, 'Unknown or revoked key.');
  if (key.kind !== 'publishable') throw new Refused(403, 'Needs a publishable key.');
  checkOrigin(c, key);
  return key;
}

/** `Bearer <token>`: HS256 verified with the signing secret its header names; bound key by id. */
async function staffToken(c: Context, db: Queryable, secrets: ReadonlyMap<string, string>): Promise<Claims> {
  const [head, body, signature] = bearer(c).split('.');
  if (!head || !body || !signature) throw new Refused(401, 'Malformed token.');
  const header = decode(head) as { alg?: unknown; kid?: unknown } | null;
  const secret = header?.alg === 'HS256' && typeof header.kid === 'string' ? secrets.get(header.kid) : undefined;
  if (!secret) throw new Refused(401, 'Unknown signing secret.');
  const expected = createHmac('sha256', secret).update(`${head}.${body}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new Refused(401, 'Bad signature.');
  const claims = decode(body) as Claims | null;
  if (!claims || claims.iss !== 'kith' || claims.aud !== 'kith-api' || !Array.isArray(claims.scp) || typeof claims.pk !== 'string') {
    throw new Refused(401, 'Bad claims.');
  }
  if (claims.exp * 1000 <= Date.now()) throw new Refused(401, 'Expired.');
  const { rows } = await db.query<KeyRow>(`SELECT ${KEY_COLUMNS} FROM api_keys WHERE id = $1`, [claims.pk]);
  const key = rows[0];
  if (!key || key.kind !== 'publishable' || key.revoked_at) throw new Refused(401, 'Bound key unknown or revoked.');
  checkOrigin(c, key);
  return claims;
}

function decode(part: string): unknown {
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
}

/** The checks a hand-written handler would make on a review body (Kith uses its zod schema). */
interface ReviewInput {
  productId: string;
  rating: number;
  title: string;
  body: string;
  authorName: string;
  language: string;
  website?: string;
  fillMs?: number;
}

function parseReview(text: string): ReviewInput {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Refused(400, 'Not JSON.');
  }
  const v = value as Record<string, unknown> | null;
  const text150 = (x: unknown, max: number) => typeof x === 'string' && x.length > 0 && x.length <= max;
  if (
    !v || v.kind !== 'review' || typeof v.productId !== 'string' || !UUID.test(v.productId) ||
    typeof v.rating !== 'number' || !Number.isInteger(v.rating) || v.rating < 1 || v.rating > 5 ||
    !text150(v.title, 150) || !text150(v.body, 5000) || !text150(v.authorName, 80) ||
    typeof v.language !== 'string' || !/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(v.language) ||
    (v.website !== undefined && typeof v.website !== 'string') ||
    (v.fillMs !== undefined && (typeof v.fillMs !== 'number' || !Number.isInteger(v.fillMs) || v.fillMs < 0))
  ) {
    throw new Refused(400, 'Invalid review.');
  }
  return v as unknown as ReviewInput;
}

/** The customer row as Kith's `visibleCustomer` reads it: the visibility check, then the row. */
async function visibleCustomer(db: Queryable, id: string, all: boolean, staffId: string): Promise<{ version: number }> {
  const { rows: seen } = all
    ? await db.query('SELECT 1 FROM customers c WHERE c.id = $1 AND TRUE', [id])
    : await db.query(
        `SELECT 1 FROM customers c WHERE c.id = $1 AND (c.owner_id IN (SELECT id FROM kith_staff_scope($2::uuid))
               OR EXISTS (SELECT 1 FROM customer_shares s WHERE s.customer_id = c.id AND s.staff_id = $2::uuid))`,
        [id, staffId],
      );
  if (seen.length === 0) throw new Refused(404, 'No such customer.');
  const { rows } = await db.query<{ version: number }>(`${SELECT_CUSTOMERS} WHERE c.id = $1`, [id]);
  if (!rows[0]) throw new Refused(404, 'No such customer.');
  return rows[0];
}

/** The SQL of customers/tiers.ts `refreshTiers`; the tier rule itself is Kith's (pure functions). */
async function refreshTiers(db: Queryable, customerId: string, now: Date): Promise<void> {
  const { rows: accounts } = await db.query<{ program_id: string; tier_validity_months: number | null }>(
    `SELECT a.program_id, p.tier_validity_months FROM loyalty_accounts a
       JOIN loyalty_programs p ON p.id = a.program_id WHERE a.customer_id = $1`,
    [customerId],
  );
  for (const { program_id: programId, tier_validity_months: months } of accounts) {
    const { rows: tiers } = await db.query<{ id: string; name: string; threshold: number }>(
      'SELECT id, name, threshold FROM loyalty_tiers WHERE program_id = $1', [programId],
    );
    const { rows: entries } = await db.query<DatedPoints>(
      'SELECT reason, points, created_at FROM loyalty_ledger WHERE program_id = $1 AND customer_id = $2',
      [programId, customerId],
    );
    const tier = tierFor(tiers, tierStanding(tiers, entries, months, now).points);
    await db.query(
      'UPDATE loyalty_accounts SET tier_id = $3 WHERE program_id = $1 AND customer_id = $2 AND tier_id IS DISTINCT FROM $3',
      [programId, customerId, tier?.id ?? null],
    );
  }
}
