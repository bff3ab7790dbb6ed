// API keys, managed by the shop's own server with its secret key. A key is shown once.
import { ApiKey, ApiKeyPage, CreatedApiKey, type ApiKeyOrigins, type ApiKeyQuery, type CreateApiKey } from '@kith/schema';
import type { KithCore } from '../core.js';
import type { Read, ReadOptions } from '../reads/types.js';
import type { RequestOptions } from '../transport.js';
import { seg, sender, type SendOptions } from './shared.js';

const KEYS = '/v1/keys';

export interface KeysResource {
  /** Every key, oldest first, as prefixes only — never a key (`GET /v1/keys`); `kind` and `revoked` narrow it. Secret key only. */
  list(query?: ApiKeyQuery, options?: ReadOptions): Read<ApiKeyPage>;
  /**
   * Creates a key (`POST /v1/keys`); the answer is the only time the key itself is shown.
   * Sent once, never retried and without an idempotency key (the server refuses one: it would
   * have to store the key to replay the answer) — if the answer is lost, list the keys and
   * revoke the one you did not receive. Secret key only.
   */
  create(key: CreateApiKey, options?: RequestOptions): Promise<CreatedApiKey>;
  /** Revokes a key on every instance at once (`POST /v1/keys/{id}/revoke`); a secret key cannot revoke itself (`conflict`). Secret key only. */
  revoke(id: string, options?: SendOptions): Promise<ApiKey>;
  /** Replaces a publishable key's allowed origins (`PUT /v1/keys/{id}/origins`). Secret key only. */
  setOrigins(id: string, origins: ApiKeyOrigins, options?: SendOptions): Promise<ApiKey>;
}

export function keys(core: KithCore): KeysResource {
  const send = sender(core);
  const path = (id: string) => `${KEYS}/${seg(id)}`;
  return {
    list: (query, options) => core.read({ path: KEYS, query, schema: ApiKeyPage }, options),
    create: (key, options) => core.send({ method: 'POST', path: KEYS, body: key, schema: CreatedApiKey, idempotencyKey: null, invalidates: [KEYS] }, options),
    revoke: (id, options) => send({ method: 'POST', path: `${path(id)}/revoke`, schema: ApiKey, invalidates: [KEYS] }, options),
    setOrigins: (id, origins, options) => send({ method: 'PUT', path: `${path(id)}/origins`, body: origins, schema: ApiKey, invalidates: [KEYS] }, options),
  };
}
