import type { ApiKey, ApiKeyKind } from '@kith/schema';
import { audit } from '../audit/audit.js';
import type { Credential } from '../auth/credential.js';
import type { Queryable, SqlValue } from '../db/database.js';
import { iso, isoOrNull } from '../db/rows.js';
import { must } from '../util/must.js';
import { announceKeyChange, createApiKey, normaliseOrigin, revokeApiKey } from './api-keys.js';

// Key administration shared by `kith-server keys …` and the /v1/keys routes: the record
// never carries the key or its hash, and every change is audited and announced on
// `kith_keys`, so running instances drop their cached copy at once.

/** Who administers: a request's credential, or the operator's command line. */
export type KeyActor = Credential | 'cli';

/** The label inside keys made after install (`pk_live_…`, `sk_live_…`); the demo's say `demo`. */
export const KEY_LABEL = 'live';

const COLUMNS = 'id, kind, name, prefix, allowed_origins, created_at, revoked_at';

interface KeyRow {
  id: string;
  kind: ApiKeyKind;
  name: string;
  prefix: string;
  allowed_origins: string[];
  created_at: Date;
  revoked_at: Date | null;
}

function toApiKey(row: KeyRow): ApiKey {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    prefix: row.prefix,
    origins: row.allowed_origins,
    createdAt: iso(row.created_at),
    revokedAt: isoOrNull(row.revoked_at),
  };
}

export interface KeyFilter {
  kind?: ApiKeyKind | undefined;
  revoked?: boolean | undefined;
  /** Keyset: keys after this `[createdAt (µs text), id]`. */
  after?: readonly [string, string] | undefined;
  limit?: number | undefined;
}

/** Keys oldest first, each with `createdAt` to the microsecond (for a cursor). */
export async function listKeys(q: Queryable, filter: KeyFilter = {}): Promise<{ key: ApiKey; sortKey: [string, string] }[]> {
  const where: string[] = [];
  const params: SqlValue[] = [];
  if (filter.kind) {
    params.push(filter.kind);
    where.push(`kind = $${params.length}`);
  }
  if (filter.revoked !== undefined) where.push(filter.revoked ? 'revoked_at IS NOT NULL' : 'revoked_at IS NULL');
  if (filter.after) {
    params.push(filter.after[0], filter.after[1]);
    where.push(`(created_at, id) > ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
  }
  params.push(filter.limit ?? 10_000);
  const { rows } = await q.query<KeyRow & { at_key: string }>(
    `SELECT ${COLUMNS}, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at_key
       FROM api_keys ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY created_at, id LIMIT $${params.length}`,
    params,
  );
  return rows.map((row) => ({ key: toApiKey(row), sortKey: [row.at_key, row.id] }));
}

/** One key by id, or null. */
export async function getKey(q: Queryable, id: string): Promise<ApiKey | null> {
  const { rows } = await q.query<KeyRow>(`SELECT ${COLUMNS} FROM api_keys WHERE id = $1`, [id]);
  return rows[0] ? toApiKey(rows[0]) : null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The keys an operator means by an id or a visible prefix (`sk_live_3f9a`). A prefix may
 * match several keys (4 hex characters): the caller refuses an ambiguous one.
 */
export async function findKeys(q: Queryable, idOrPrefix: string): Promise<ApiKey[]> {
  const { rows } = UUID.test(idOrPrefix)
    ? await q.query<KeyRow>(`SELECT ${COLUMNS} FROM api_keys WHERE id = $1`, [idOrPrefix])
    : await q.query<KeyRow>(`SELECT ${COLUMNS} FROM api_keys WHERE prefix = $1 ORDER BY created_at, id`, [idOrPrefix]);
  return rows.map(toApiKey);
}

/** Creates a key: the returned `key` is the only copy that will ever exist. */
export async function createKey(
  q: Queryable,
  actor: KeyActor,
  input: { kind: ApiKeyKind; name: string; origins?: readonly string[] | undefined },
  now: Date,
): Promise<ApiKey & { key: string }> {
  const created = await createApiKey(q, { kind: input.kind, name: input.name, label: KEY_LABEL, allowedOrigins: originList(input.origins ?? []) });
  const record = must(await getKey(q, created.id), 'the new key');
  await auditKey(q, actor, { action: 'api_key.create', entityId: record.id, before: null, after: record }, now);
  return { ...record, key: created.key };
}

/** Revokes a key (a no-op on a revoked one); returns the record after. */
export async function revokeKey(q: Queryable, actor: KeyActor, key: ApiKey, now: Date): Promise<ApiKey> {
  if (key.revokedAt) return key;
  await revokeApiKey(q, key.id);
  const after = must(await getKey(q, key.id), 'the revoked key');
  await auditKey(q, actor, { action: 'api_key.revoke', entityId: key.id, before: key, after }, now);
  return after;
}

/** Replaces a publishable key's origins (normalised, sorted, without duplicates). */
export async function setKeyOrigins(q: Queryable, actor: KeyActor, key: ApiKey, origins: readonly string[], now: Date): Promise<ApiKey> {
  await q.query('UPDATE api_keys SET allowed_origins = $2::text[] WHERE id = $1', [key.id, originList(origins)]);
  await announceKeyChange(q, key.id);
  const after = must(await getKey(q, key.id), 'the updated key');
  if (JSON.stringify(after.origins) !== JSON.stringify(key.origins)) {
    await auditKey(q, actor, { action: 'api_key.origins', entityId: key.id, before: key, after }, now);
  }
  return after;
}

/** Origins normalised, without duplicates, in one order (so a list compares equal to itself). */
function originList(origins: readonly string[]): string[] {
  return [...new Set(origins.map((o) => normaliseOrigin(o)).filter((o): o is string => o !== null))].sort();
}

/** Audits through the request's credential, or as the `system` actor `cli` for the command line. */
async function auditKey(
  q: Queryable,
  actor: KeyActor,
  entry: { action: string; entityId: string; before: ApiKey | null; after: ApiKey },
  now: Date,
): Promise<void> {
  if (actor !== 'cli') {
    await audit(q, actor, { ...entry, entity: 'api_key' }, now);
    return;
  }
  await q.query(
    `INSERT INTO audit_log (actor_kind, actor_id, action, entity, entity_id, before, after, at)
     VALUES ('system', 'cli', $1, 'api_key', $2, $3::jsonb, $4::jsonb, $5)`,
    [entry.action, entry.entityId, entry.before && JSON.stringify(entry.before), JSON.stringify(entry.after), now],
  );
}
