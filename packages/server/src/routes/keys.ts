import * as z from 'zod/mini';
import { ApiKey, ApiKeyOrigins, ApiKeyPage, ApiKeyQuery, CreateApiKey, CreatedApiKey, Id } from '@kith/schema';
import { decodeCursor, encodeCursor } from '../analytics/cursor.js';
import type { Queryable } from '../db/database.js';
import { ApiError } from '../http/errors.js';
import { route } from '../http/route.js';
import { createKey, getKey, listKeys, revokeKey, setKeyOrigins } from '../keys/admin.js';

// Key administration for the shop's own server (secret key only; no staff scope reaches
// it: a key outlives any token and can mint them). A key is shown once, when created.

const KeyCursor = z.tuple([z.string().check(z.regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/)), Id]);
const IdParams = z.strictObject({ id: Id });

export const listApiKeys = route({
  method: 'GET',
  path: '/v1/keys',
  summary: 'List API keys (prefixes only, never a key)',
  tag: 'keys',
  access: { secret: true },
  query: ApiKeyQuery,
  response: ApiKeyPage,
  async handle({ db, query }) {
    const limit = query.limit ?? 50;
    const rows = await listKeys(db, {
      kind: query.kind,
      revoked: query.revoked === undefined ? undefined : query.revoked === 'true',
      after: query.cursor === undefined ? undefined : decodeCursor(query.cursor, KeyCursor),
      limit: limit + 1,
    });
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    return { items: items.map((row) => row.key), next: rows.length > limit && last ? encodeCursor(last.sortKey) : null };
  },
});

export const createApiKeyRoute = route({
  method: 'POST',
  path: '/v1/keys',
  summary: 'Create an API key (the key is in this answer only)',
  tag: 'keys',
  access: { secret: true },
  body: CreateApiKey,
  response: CreatedApiKey,
  status: 201,
  async handle({ c, db, credential, body, now }) {
    // An idempotent replay would have to store the key in clear beside the write.
    if (c.req.header('Idempotency-Key') !== undefined) {
      throw new ApiError(
        400,
        'bad_request',
        'POST /v1/keys takes no Idempotency-Key: a key is never stored, so it cannot be replayed. If an answer is lost, list the keys and revoke the one you did not receive.',
      );
    }
    c.header('Cache-Control', 'no-store');
    return createKey(db, credential, body, now);
  },
});

export const revokeApiKeyRoute = route({
  method: 'POST',
  path: '/v1/keys/:id/revoke',
  summary: 'Revoke an API key on every instance at once',
  tag: 'keys',
  access: { secret: true },
  params: IdParams,
  response: ApiKey,
  async handle({ c, db, credential, params, now }) {
    const key = await found(db, params.id);
    // The caller's own key stays: revoking it would lock the shop's server out mid-request
    // (and could leave no secret key at all). Revoke an old key with its replacement.
    if (credential.kind === 'secret' && credential.keyId === key.id) {
      throw new ApiError(409, 'conflict', 'A secret key cannot revoke itself: create a new secret key, switch to it, then revoke this one with it (or use `kith-server keys revoke`).');
    }
    const revoked = await revokeKey(db, credential, key, now);
    c.get('services').keys.forget(key.id);
    return revoked;
  },
});

export const setApiKeyOrigins = route({
  method: 'PUT',
  path: '/v1/keys/:id/origins',
  summary: "Replace a publishable key's allowed origins",
  tag: 'keys',
  access: { secret: true },
  params: IdParams,
  body: ApiKeyOrigins,
  response: ApiKey,
  async handle({ c, db, credential, params, body, now }) {
    const key = await found(db, params.id);
    if (key.kind !== 'publishable') {
      throw new ApiError(409, 'conflict', 'Only a publishable key has origins: a secret key is never accepted from a browser.');
    }
    if (key.revokedAt) throw new ApiError(409, 'conflict', 'This key is revoked; create a new one.');
    const updated = await setKeyOrigins(db, credential, key, body.origins, now);
    c.get('services').keys.forget(key.id);
    return updated;
  },
});

async function found(db: Queryable, id: string): Promise<ApiKey> {
  const key = await getKey(db, id);
  if (!key) throw new ApiError(404, 'not_found', `No API key ${id}.`);
  return key;
}

/** The routes of this file. */
export const keysRoutes = [listApiKeys, createApiKeyRoute, revokeApiKeyRoute, setApiKeyOrigins];
