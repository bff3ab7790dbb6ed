// PLACEHOLDER while the outbox is written: sends at once, keeps nothing. Replaced by the
// durable outbox (IndexedDB, Web Locks, per-subject partitions) — see ./types.ts.
import type { Credentialed, Partition } from '../reads/reads.js';
import { isKithError, KithError } from '../errors.js';
import type { Transport } from '../transport.js';
import type { Outbox, OutboxEntry, WriteResult, WriteSpec } from './types.js';

export interface OutboxDeps {
  transport: Transport;
  /** The current credential and its partition (one call of the token function); rejects when it fails. */
  credential(signal?: AbortSignal): Promise<Credentialed>;
  /** The partition of the last credential seen, for a write made while the token function fails. */
  lastPartition(): Partition | undefined;
  /** The IndexedDB factory; `null` for none (memory only, reported as degraded). */
  indexedDB: IDBFactory | null;
  /** IndexedDB database and Web Lock name prefix. */
  name: string;
  now(): number;
  /** How long an entry is retried before it fails (the server keeps idempotency keys 7 days). */
  maxAgeMs: number;
  /** Called once per delivered entry (in the page that delivered it). */
  onDelivered(entry: OutboxEntry, body: unknown): void;
}

export interface OutboxController extends Outbox {
  enqueue<T>(spec: WriteSpec<T>): Promise<WriteResult<T>>;
  close(): void;
}

export function createOutbox(deps: OutboxDeps): OutboxController {
  async function enqueue<T>(spec: WriteSpec<T>): Promise<WriteResult<T>> {
    const { partition, authorization } = await deps.credential();
    const entry: OutboxEntry = {
      id: crypto.randomUUID(),
      kind: spec.kind,
      method: spec.method,
      path: spec.path,
      query: spec.query,
      body: spec.body,
      ifMatch: spec.ifMatch,
      invalidates: spec.invalidates ?? [],
      idempotencyKey: crypto.randomUUID(),
      partition: partition.name,
      createdAt: deps.now(),
      attempts: 1,
      nextAttemptAt: deps.now(),
      state: 'sending',
      error: undefined,
    };
    try {
      const { body } = await deps.transport.request({ ...spec, idempotencyKey: entry.idempotencyKey, subject: partition.subject, authorization });
      deps.onDelivered(entry, body);
      return { status: 'sent', data: body, entryId: entry.id };
    } catch (error) {
      const kithError = isKithError(error) ? error : new KithError('network', String(error));
      return { status: 'failed', entry: { ...entry, state: 'failed' }, error: kithError };
    }
  }
  return {
    entries: [],
    pending: 0,
    degraded: true,
    enqueue,
    subscribe: () => () => undefined,
    flush: async () => undefined,
    resubmit: (_id, _body, _schema) => Promise.reject(new Error('not yet')),
    discard: async () => undefined,
    close: () => undefined,
  };
}
