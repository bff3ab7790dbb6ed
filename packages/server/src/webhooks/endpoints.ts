// Webhook endpoints in the database: the rows, the record the API shows (never the secret),
// and the writes. Routes call these with their transaction.
import { randomBytes } from 'node:crypto';
import type { CreateWebhookEndpoint, EventType, UpdateWebhookEndpoint, WebhookEndpoint } from '@kith/schema';
import type { Queryable, SqlValue } from '../db/database.js';
import { iso } from '../db/rows.js';
import { ApiError } from '../http/errors.js';
import { must } from '../util/must.js';

interface EndpointRow {
  id: string;
  url: string;
  events: EventType[];
  description: string | null;
  active: boolean;
  previous_secret_expires_at: Date | null;
  created_at: Date;
  updated_at: Date;
  /** `created_at` to the microsecond, for the list cursor. */
  at_key: string;
}

/** Every column the record needs — and not `secret` nor `previous_secret`, so no reader can leak them. */
export const ENDPOINT_COLUMNS = `id, url, events, description, active, previous_secret_expires_at, created_at, updated_at,
  to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at_key`;

/** A new signing secret: `whsec_` and 32 random bytes. */
export const newSecret = (): string => `whsec_${randomBytes(32).toString('base64url')}`;

export function toEndpoint(row: EndpointRow, now: Date): WebhookEndpoint {
  return {
    id: row.id,
    url: row.url,
    events: row.events,
    description: row.description,
    active: row.active,
    // An expired previous secret no longer signs; show it as gone.
    previousSecretExpiresAt: row.previous_secret_expires_at && row.previous_secret_expires_at > now ? iso(row.previous_secret_expires_at) : null,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

const notFound = (id: string) => new ApiError(404, 'not_found', `No webhook endpoint with id ${id}.`);

/** The endpoint, or 404. `lock` takes a row lock for a write that reads it first. */
export async function findEndpoint(q: Queryable, id: string, now: Date, lock = false): Promise<WebhookEndpoint> {
  const { rows } = await q.query<EndpointRow>(`SELECT ${ENDPOINT_COLUMNS} FROM webhook_endpoints WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
  const row = rows[0];
  if (!row) throw notFound(id);
  return toEndpoint(row, now);
}

/** A page of endpoints, newest first, after the cursor's `[at_key, id]`. */
export async function listEndpoints(q: Queryable, limit: number, after: readonly [string, string] | null, now: Date) {
  const params: SqlValue[] = [limit + 1];
  let where = '';
  if (after) {
    params.push(after[0], after[1]);
    where = 'WHERE (created_at, id) < ($2::timestamptz, $3::uuid)';
  }
  const { rows } = await q.query<EndpointRow>(
    `SELECT ${ENDPOINT_COLUMNS} FROM webhook_endpoints ${where} ORDER BY created_at DESC, id DESC LIMIT $1`,
    params,
  );
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => toEndpoint(row, now)),
    last: rows.length > limit && last ? ([last.at_key, last.id] as const) : null,
  };
}

/** Creates an endpoint; returns it with its new secret. */
export async function insertEndpoint(tx: Queryable, input: CreateWebhookEndpoint, now: Date): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
  const secret = newSecret();
  const { rows } = await tx.query<EndpointRow>(
    `INSERT INTO webhook_endpoints (url, events, description, secret, created_at, updated_at)
     VALUES ($1, $2::text[], $3, $4, $5, $5) RETURNING ${ENDPOINT_COLUMNS}`,
    [input.url, input.events, input.description ?? null, secret, now],
  );
  return { endpoint: toEndpoint(must(rows[0], 'the inserted endpoint'), now), secret };
}

/** Applies a patch; 404 for an unknown id. */
export async function updateEndpoint(tx: Queryable, id: string, patch: UpdateWebhookEndpoint, now: Date): Promise<WebhookEndpoint> {
  const { rows } = await tx.query<EndpointRow>(
    `UPDATE webhook_endpoints
        SET url = COALESCE($2, url),
            events = COALESCE($3::text[], events),
            description = CASE WHEN $4 THEN $5 ELSE description END,
            active = COALESCE($6, active),
            updated_at = $7
      WHERE id = $1
     RETURNING ${ENDPOINT_COLUMNS}`,
    [id, patch.url ?? null, patch.events ?? null, patch.description !== undefined, patch.description ?? null, patch.active ?? null, now],
  );
  const row = rows[0];
  if (!row) throw notFound(id);
  return toEndpoint(row, now);
}

/** Deletes an endpoint and its delivery log; 404 for an unknown id. */
export async function deleteEndpoint(tx: Queryable, id: string, now: Date): Promise<WebhookEndpoint> {
  const { rows } = await tx.query<EndpointRow>(`DELETE FROM webhook_endpoints WHERE id = $1 RETURNING ${ENDPOINT_COLUMNS}`, [id]);
  const row = rows[0];
  if (!row) throw notFound(id);
  return toEndpoint(row, now);
}

/**
 * Replaces the secret. The old one keeps signing beside it for `keepSeconds` (0: stops at
 * once). An old secret still in its overlap from an earlier rotation is dropped: at most
 * two secrets sign at a time.
 */
export async function rotateSecret(tx: Queryable, id: string, keepSeconds: number, now: Date): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
  const secret = newSecret();
  const keepUntil = keepSeconds > 0 ? new Date(now.getTime() + keepSeconds * 1000) : null;
  const { rows } = await tx.query<EndpointRow>(
    `UPDATE webhook_endpoints
        SET previous_secret = CASE WHEN $3::timestamptz IS NULL THEN NULL ELSE secret END,
            previous_secret_expires_at = $3::timestamptz,
            secret = $2, updated_at = $4
      WHERE id = $1
     RETURNING ${ENDPOINT_COLUMNS}`,
    [id, secret, keepUntil, now],
  );
  const row = rows[0];
  if (!row) throw notFound(id);
  return { endpoint: toEndpoint(row, now), secret };
}
