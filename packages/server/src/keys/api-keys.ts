import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../db/database.js';
import { must } from '../util/must.js';

/** A publishable key (`pk_…`, public, origin-bound) or a secret key (`sk_…`, servers only). */
export type KeyKind = 'publishable' | 'secret';

/** What a key lookup finds; the key itself is never stored, only its SHA-256. */
export interface ApiKeyRecord {
  id: string;
  kind: KeyKind;
  name: string;
  prefix: string;
  allowedOrigins: string[];
  revokedAt: Date | null;
}

/** SHA-256 of a key, hex: the only form in which a key is stored or looked up. */
export function hashKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** The short visible part of a key (`pk_demo_3f9a`), to recognise it in a list. */
export function keyPrefix(key: string): string {
  const lastUnderscore = key.lastIndexOf('_');
  return key.slice(0, lastUnderscore + 5);
}

/** A fresh random key: `pk_<label>_<32 hex chars>` from `crypto.randomBytes`, never fixed. */
export function generateKey(kind: KeyKind, label: string): string {
  return `${kind === 'publishable' ? 'pk' : 'sk'}_${label}_${randomBytes(16).toString('hex')}`;
}

/**
 * An origin as browsers send it (`scheme://host[:port]`, lower-case, no path); `null`
 * when the value is not a URL origin.
 */
export function normaliseOrigin(value: string): string | null {
  try {
    const origin = new URL(value).origin;
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

/** Creates a key and returns it with its id: the only moment the raw key exists. */
export async function createApiKey(
  q: Queryable,
  input: { kind: KeyKind; name: string; label: string; allowedOrigins?: string[] },
): Promise<{ id: string; key: string }> {
  const key = generateKey(input.kind, input.label);
  const origins = (input.allowedOrigins ?? []).map((o) => normaliseOrigin(o)).filter((o): o is string => o !== null);
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO api_keys (kind, name, prefix, key_hash, allowed_origins)
     VALUES ($1, $2, $3, $4, $5::text[]) RETURNING id`,
    [input.kind, input.name, keyPrefix(key), hashKey(key), origins],
  );
  return { id: must(rows[0], 'the new key row').id, key };
}

/** Adds origins to a publishable key's list (no duplicates). */
export async function addAllowedOrigins(q: Queryable, keyId: string, origins: readonly string[]): Promise<void> {
  const normalised = origins.map((o) => normaliseOrigin(o)).filter((o): o is string => o !== null);
  if (normalised.length === 0) return;
  await q.query(
    `UPDATE api_keys
        SET allowed_origins = ARRAY(SELECT DISTINCT o FROM unnest(allowed_origins || $2::text[]) AS o ORDER BY o)
      WHERE id = $1`,
    [keyId, normalised],
  );
  await announceKeyChange(q, keyId);
}

/** The NOTIFY channel on which a changed key's id is announced, so every instance's cache drops it. */
export const KEYS_CHANNEL = 'kith_keys';

/** Tells every instance (at commit) that this key changed: cached copies are dropped. */
export async function announceKeyChange(q: Queryable, keyId: string): Promise<void> {
  await q.query('SELECT pg_notify($1, $2)', [KEYS_CHANNEL, keyId]);
}

/** Finds a key by its id (a token names the publishable key it is bound to). */
export async function findApiKeyById(q: Queryable, id: string): Promise<ApiKeyRecord | null> {
  const { rows } = await q.query<KeyRow>(`SELECT ${KEY_COLUMNS} FROM api_keys WHERE id = $1`, [id]);
  return rows[0] ? toRecord(rows[0]) : null;
}

/** Finds a key by its raw value (hashed here; the query never sees the key). */
export async function findApiKey(q: Queryable, key: string): Promise<ApiKeyRecord | null> {
  const { rows } = await q.query<KeyRow>(`SELECT ${KEY_COLUMNS} FROM api_keys WHERE key_hash = $1`, [hashKey(key)]);
  return rows[0] ? toRecord(rows[0]) : null;
}

const KEY_COLUMNS = 'id, kind, name, prefix, allowed_origins, revoked_at';
interface KeyRow {
  id: string;
  kind: KeyKind;
  name: string;
  prefix: string;
  allowed_origins: string[];
  revoked_at: Date | null;
}

function toRecord(row: KeyRow): ApiKeyRecord {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    prefix: row.prefix,
    allowedOrigins: row.allowed_origins,
    revokedAt: row.revoked_at,
  };
}

/**
 * Revokes a key from now on (kept for the audit trail); every instance drops its cached
 * copy at once, and open streams on the key (or on tokens bound to it) close.
 */
export async function revokeApiKey(q: Queryable, keyId: string): Promise<void> {
  await q.query('UPDATE api_keys SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL', [keyId]);
  await announceKeyChange(q, keyId);
}
