import type { Database, Queryable } from '../db/database.js';
import { findApiKey, findApiKeyById, hashKey, KEYS_CHANNEL, type ApiKeyRecord } from './api-keys.js';

interface Entry {
  record: ApiKeyRecord;
  loadedAt: number;
}

/**
 * API keys as the hot path reads them: from memory, so a request costs no key query. A
 * change (revocation, new origins) is announced on `kith_keys` and drops the key here on
 * every instance at once; entries also expire after `ttlMs` (5 s by default), which bounds
 * staleness if a notification is ever lost. Unknown keys are not cached (no memory for an
 * attacker to fill); they cost a query each, like before.
 */
export class KeyCache {
  readonly #db: Database;
  readonly #ttlMs: number;
  readonly #byHash = new Map<string, Entry>();
  readonly #byId = new Map<string, Entry>();
  readonly #listeners = new Set<(keyId: string) => void>();
  #unlisten: (() => Promise<void>) | null = null;
  #starting: Promise<void> | null = null;

  constructor(db: Database, options: { ttlMs?: number } = {}) {
    this.#db = db;
    this.#ttlMs = options.ttlMs ?? 5_000;
  }

  /** Starts listening for key changes (idempotent). */
  start(): Promise<void> {
    return (this.#starting ??= this.#db
      .listen(KEYS_CHANNEL, (keyId) => this.#changed(keyId), () => this.#changedAll())
      .then((unlisten) => {
        this.#unlisten = unlisten;
      }));
  }

  async close(): Promise<void> {
    this.#listeners.clear();
    await this.#unlisten?.();
    this.#unlisten = null;
  }

  /** The key with this raw value, or null. */
  async byKey(key: string, q: Queryable = this.#db): Promise<ApiKeyRecord | null> {
    const hash = hashKey(key);
    const entry = this.#fresh(this.#byHash, hash);
    if (entry) return entry.record;
    const record = await findApiKey(q, key);
    if (record) this.#byHash.set(hash, { record, loadedAt: performance.now() });
    return record;
  }

  /** The key with this id (a token's bound publishable key), or null. */
  async byId(id: string, q: Queryable = this.#db): Promise<ApiKeyRecord | null> {
    const entry = this.#fresh(this.#byId, id);
    if (entry) return entry.record;
    const record = await findApiKeyById(q, id);
    if (record) this.#byId.set(id, { record, loadedAt: performance.now() });
    return record;
  }

  /**
   * Drops a key this instance is changing itself, so its own next request reads the change
   * without waiting for the notification to come back (other instances wait for it).
   */
  forget(keyId: string): void {
    this.#forget(keyId);
  }

  /** Calls `listener(keyId)` whenever a key changes (on any instance); returns the unsubscribe. */
  onChange(listener: (keyId: string) => void): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  #fresh(map: Map<string, Entry>, lookup: string): Entry | undefined {
    const entry = map.get(lookup);
    if (!entry) return undefined;
    if (performance.now() - entry.loadedAt <= this.#ttlMs) return entry;
    map.delete(lookup);
    return undefined;
  }

  #forget(keyId: string): void {
    this.#byId.delete(keyId);
    for (const [hash, entry] of this.#byHash) if (entry.record.id === keyId) this.#byHash.delete(hash);
  }

  #changed(keyId: string): void {
    this.#forget(keyId);
    for (const listener of this.#listeners) listener(keyId);
  }

  /** Notifications may have been missed: forget everything, tell every listener. */
  #changedAll(): void {
    const ids = new Set([...this.#byId.keys(), ...[...this.#byHash.values()].map((entry) => entry.record.id)]);
    this.#byHash.clear();
    this.#byId.clear();
    for (const id of ids) for (const listener of this.#listeners) listener(id);
  }
}
