import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { subjectOf } from '../auth/credential.js';
import type { Queryable } from '../db/database.js';
import type { AppEnv } from './env.js';
import { DEFAULT_SETTINGS } from '../settings.js';
import { ApiError } from './errors.js';

/**
 * How long a key is remembered by default: a retried write within this window is applied
 * once. The setting `retention.idempotencyDays` changes it (≤ 0: never forgotten).
 */
export const IDEMPOTENCY_KEY_DAYS = DEFAULT_SETTINGS.retention.idempotencyDays;
const KEY = /^[\x21-\x7e]{1,255}$/;

/** A write's outcome, as stored for replay. */
export interface WriteResult {
  status: ContentfulStatusCode;
  body: unknown;
}

/**
 * Runs a write in one transaction. With an `Idempotency-Key` header, the key (scoped to
 * the credential's subject, method and path) is claimed in that same transaction and the
 * response stored with it, so:
 * - a retry gets the first response again (`Idempotent-Replayed: true`), not a second write;
 * - the same key with a different body is refused (422);
 * - two concurrent requests with one key: the second waits on the first's row lock
 *   (PostgreSQL) and then replays it — one write;
 * - a failed write rolls back its claim too, so a retry after an error runs again;
 * - keys older than `retention.idempotencyDays` are forgotten (by the injectable clock).
 */
export async function withIdempotency(
  c: Context<AppEnv>,
  bodyText: string,
  write: (tx: Queryable) => Promise<WriteResult>,
): Promise<Response> {
  const key = c.req.header('Idempotency-Key');
  if (key !== undefined && !KEY.test(key)) {
    throw new ApiError(400, 'bad_request', 'Idempotency-Key must be 1 to 255 visible ASCII characters.');
  }
  const now = c.get('now')();
  const scope = [subjectOf(c.get('credential')), c.req.method, c.req.path] as const;
  const result = await c.get('db').transaction(async (tx) => {
    if (key === undefined) return { ...(await write(tx)), replayed: false };
    const hash = createHash('sha256').update(bodyText).digest('hex');
    const claimed = await claim(tx, scope, key, hash, now, c.get('services').settings.retention.idempotencyDays);
    if (claimed !== true) return { ...claimed, replayed: true };
    const outcome = await write(tx);
    await tx.query(
      'UPDATE idempotency_keys SET status = $5, body = $6::jsonb WHERE subject = $1 AND method = $2 AND path = $3 AND key = $4',
      [...scope, key, outcome.status, JSON.stringify(outcome.body ?? null)],
    );
    return { ...outcome, replayed: false };
  });
  if (result.replayed) c.header('Idempotent-Replayed', 'true');
  return c.json(result.body as object, result.status);
}

/** Claims the key for this write (true) or returns the stored response to replay. */
async function claim(
  tx: Queryable,
  scope: readonly [string, string, string],
  key: string,
  hash: string,
  now: Date,
  keepDays: number,
): Promise<true | WriteResult> {
  if (keepDays > 0) {
    const expired = new Date(now.getTime() - keepDays * 86_400_000);
    await tx.query(
      'DELETE FROM idempotency_keys WHERE subject = $1 AND method = $2 AND path = $3 AND key = $4 AND created_at < $5',
      [...scope, key, expired],
    );
  }
  const { rows: inserted } = await tx.query(
    `INSERT INTO idempotency_keys (subject, method, path, key, request_hash, created_at)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING key`,
    [...scope, key, hash, now],
  );
  if (inserted.length > 0) return true;
  const { rows } = await tx.query<{ request_hash: string; status: number | null; body: unknown }>(
    'SELECT request_hash, status, body FROM idempotency_keys WHERE subject = $1 AND method = $2 AND path = $3 AND key = $4',
    [...scope, key],
  );
  const stored = rows[0];
  if (!stored || stored.status === null) {
    throw new ApiError(409, 'conflict', 'A request with this Idempotency-Key is still being processed; retry shortly.');
  }
  if (stored.request_hash !== hash) {
    throw new ApiError(422, 'idempotency_mismatch', 'This Idempotency-Key was used with a different request body; use a new key for a new write.');
  }
  return { status: stored.status as ContentfulStatusCode, body: stored.body };
}
