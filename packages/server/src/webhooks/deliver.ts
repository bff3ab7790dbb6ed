// Sending queued deliveries: claim a batch atomically, POST each (signed, with a timeout,
// no redirects), record the outcome. Used by the dispatcher (woken by NOTIFY) and by the
// retry job; any number of instances may run it at once.
import type { Queryable } from '../db/database.js';
import type { ServerSettings } from '../settings.js';
import { VERSION } from '../version.js';
import { retryDelayMs } from './backoff.js';
import { signatureHeader } from './signature.js';

interface ClaimedRow {
  id: string;
  endpoint_id: string;
  payload: Record<string, unknown>;
  attempts: number;
  url: string;
  secret: string;
  previous_secret: string | null;
  previous_secret_expires_at: Date | null;
}

export interface DeliverOptions {
  settings: ServerSettings;
  log: (line: string) => void;
  /** The time of each batch (the injectable clock). */
  now: () => Date;
  /** In [0, 1): the retry jitter (tests may fix it). */
  random?: () => number;
  /** Deliveries claimed and sent in parallel per batch. */
  batchSize?: number;
  /** Aborts requests in flight (the process is closing); they are released, not counted. */
  signal?: AbortSignal;
}

export interface DeliverSummary {
  attempted: number;
  delivered: number;
}

/** An attempt's outcome. */
type Outcome =
  | { kind: 'delivered'; status: number }
  | { kind: 'failed'; status: number | null; error: string }
  | { kind: 'released' };

/**
 * A clock that starts at `start` and runs with real time: a long drain signs late batches
 * with their own time (the receiver's replay window), while a test's fixed clock stays put
 * to the millisecond.
 */
export function advancingFrom(start: Date): () => Date {
  const began = performance.now();
  return () => new Date(start.getTime() + Math.round(performance.now() - began));
}

/** How long a claim holds: longer than one attempt can take, short enough that a crashed sender's deliveries move on. */
const lockMs = (settings: ServerSettings) => settings.webhooks.timeoutMs + 60_000;

/**
 * Sends every delivery due at `now()`, batch after batch, until none is left. Each batch is
 * claimed in one statement (`FOR UPDATE SKIP LOCKED`, then `locked_until`), so two
 * dispatchers never send the same delivery at once, and a claim counts as an attempt.
 */
export async function deliverDue(db: Queryable, options: DeliverOptions): Promise<DeliverSummary> {
  const batchSize = options.batchSize ?? 20;
  const summary: DeliverSummary = { attempted: 0, delivered: 0 };
  for (;;) {
    if (options.signal?.aborted) return summary;
    const now = options.now();
    const claimed = await claim(db, now, batchSize, lockMs(options.settings));
    const outcomes = await Promise.all(claimed.map(async (row) => {
      const outcome = await attempt(row, now, options);
      await record(db, row, outcome, options);
      return outcome;
    }));
    summary.attempted += claimed.length;
    summary.delivered += outcomes.filter((outcome) => outcome.kind === 'delivered').length;
    if (claimed.length < batchSize) return summary;
  }
}

async function claim(db: Queryable, now: Date, limit: number, holdMs: number): Promise<ClaimedRow[]> {
  // A paused (inactive) endpoint's deliveries wait; a ping is sent anyway (testing before
  // turning an endpoint on is its point).
  const { rows } = await db.query<ClaimedRow>(
    `WITH due AS (
       SELECT d.id FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id
        WHERE d.status = 'pending' AND d.next_attempt_at <= $1 AND (d.locked_until IS NULL OR d.locked_until <= $1)
          AND (e.active OR d.event_type = 'ping')
        ORDER BY d.next_attempt_at, d.id
        LIMIT $2
        FOR UPDATE OF d SKIP LOCKED)
     UPDATE webhook_deliveries d
        SET locked_until = $3, attempts = d.attempts + 1, last_attempt_at = $1
       FROM due, webhook_endpoints e
      WHERE d.id = due.id AND e.id = d.endpoint_id
     RETURNING d.id, d.endpoint_id, d.payload, d.attempts, e.url, e.secret, e.previous_secret, e.previous_secret_expires_at`,
    [now, limit, new Date(now.getTime() + holdMs)],
  );
  return rows;
}

/** The JSON body: the event's fields in their documented order (jsonb keeps its own). */
export function bodyText(payload: Record<string, unknown>): string {
  const { id, topic, type, at, data, ...rest } = payload;
  return JSON.stringify({ id, topic, type, at, data, ...rest });
}

async function attempt(row: ClaimedRow, at: Date, options: DeliverOptions): Promise<Outcome> {
  const body = bodyText(row.payload);
  const secrets = [row.secret];
  if (row.previous_secret && row.previous_secret_expires_at && row.previous_secret_expires_at > at) secrets.push(row.previous_secret);
  const timeoutMs = options.settings.webhooks.timeoutMs;
  const timeout = AbortSignal.timeout(timeoutMs);
  try {
    const response = await fetch(row.url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': `Kith-Webhooks/${VERSION}`,
        'Kith-Event-Id': String(row.payload.id),
        'Kith-Event-Type': String(row.payload.type),
        'Kith-Delivery-Id': row.id,
        'Kith-Signature': signatureHeader(secrets, at, body),
      },
      body,
      // A redirect could lead the signed body anywhere; the receiver must answer itself.
      redirect: 'manual',
      signal: options.signal ? AbortSignal.any([timeout, options.signal]) : timeout,
    });
    // Only the status matters: drop the body so the connection is freed.
    await response.body?.cancel().catch(() => {});
    if (response.status >= 200 && response.status < 300) return { kind: 'delivered', status: response.status };
    const redirect = response.status >= 300 && response.status < 400 ? ' (redirects are not followed)' : '';
    return { kind: 'failed', status: response.status, error: `HTTP ${response.status}${redirect}` };
  } catch (error) {
    if (timeout.aborted) return { kind: 'failed', status: null, error: `timed out after ${timeoutMs} ms` };
    if (options.signal?.aborted) return { kind: 'released' };
    return { kind: 'failed', status: null, error: describe(error) };
  }
}

/**
 * A short reason without the URL (which may carry a token in its query) or anything the
 * receiver said: a system error code such as ECONNREFUSED, or a generic phrase.
 */
function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  const code = typeof cause?.code === 'string' && /^[A-Z][A-Z0-9_]{1,40}$/.test(cause.code) ? cause.code : null;
  return code ? `request failed: ${code}` : 'request failed';
}

/**
 * Stores the outcome, fenced by the attempt number: if this claim lapsed and another
 * dispatcher took the delivery meanwhile, the stale outcome is dropped.
 */
async function record(db: Queryable, row: ClaimedRow, outcome: Outcome, options: DeliverOptions): Promise<void> {
  const now = options.now();
  const fence = [row.id, row.attempts] as const;
  const where = 'WHERE id = $1 AND attempts = $2 AND status = \'pending\'';
  switch (outcome.kind) {
    case 'delivered':
      await db.query(
        `UPDATE webhook_deliveries SET status = 'delivered', delivered_at = $3, locked_until = NULL, last_status_code = $4, last_error = NULL ${where}`,
        [...fence, now, outcome.status],
      );
      return;
    case 'released':
      // The process is closing: not the receiver's fault, so the attempt is given back.
      await db.query(`UPDATE webhook_deliveries SET attempts = attempts - 1, locked_until = NULL, next_attempt_at = $3 ${where}`, [...fence, now]);
      return;
    case 'failed': {
      const { maxAttempts } = options.settings.webhooks;
      const giveUp = row.attempts >= maxAttempts;
      const next = new Date(now.getTime() + (giveUp ? 0 : retryDelayMs(row.attempts, (options.random ?? Math.random)())));
      await db.query(
        `UPDATE webhook_deliveries SET status = $3, next_attempt_at = $4, locked_until = NULL, last_status_code = $5, last_error = $6 ${where}`,
        [...fence, giveUp ? 'failed' : 'pending', next, outcome.status, outcome.error.slice(0, 300)],
      );
      options.log(
        giveUp
          ? `webhooks: delivery ${row.id} to endpoint ${row.endpoint_id} failed after ${row.attempts} attempts: ${outcome.error}`
          : `webhooks: delivery ${row.id} to endpoint ${row.endpoint_id} attempt ${row.attempts}/${maxAttempts} failed: ${outcome.error}; retry at ${next.toISOString()}`,
      );
      return;
    }
  }
}
