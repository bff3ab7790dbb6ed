import pg from 'pg';
import { checkChannel } from './database.js';

interface Subscription {
  onPayload: (payload: string) => void;
  onGap: (() => void) | undefined;
}

/**
 * The one listening connection of a process on PostgreSQL: every `LISTEN` of the process
 * shares it (a pool connection would be handed to other queries and lose them). When the
 * connection drops it is reopened with backoff, every channel is listened to again, and
 * each subscriber's `onGap` runs: notifications sent while it was down are gone.
 */
export class PostgresListener {
  readonly #connectionString: string;
  readonly #log: (line: string) => void;
  readonly #channels = new Map<string, Set<Subscription>>();
  #client: pg.Client | null = null;
  #connecting: Promise<pg.Client> | null = null;
  #closed = false;
  #retryTimer: NodeJS.Timeout | null = null;
  #failures = 0;

  constructor(connectionString: string, log: (line: string) => void = () => {}) {
    this.#connectionString = connectionString;
    this.#log = log;
  }

  async listen(channel: string, onPayload: (payload: string) => void, onGap?: () => void): Promise<() => Promise<void>> {
    checkChannel(channel);
    if (this.#closed) throw new Error('the listener is closed');
    const subscription: Subscription = { onPayload, onGap };
    let set = this.#channels.get(channel);
    const first = !set;
    if (!set) this.#channels.set(channel, (set = new Set()));
    set.add(subscription);
    const client = await this.#connect();
    if (first) await client.query(`LISTEN ${channel}`);
    return async () => {
      const current = this.#channels.get(channel);
      if (!current?.delete(subscription) || current.size > 0) return;
      this.#channels.delete(channel);
      await this.#client?.query(`UNLISTEN ${channel}`).catch(() => undefined);
    };
  }

  async close(): Promise<void> {
    this.#closed = true;
    if (this.#retryTimer) clearTimeout(this.#retryTimer);
    const client = this.#client ?? (await this.#connecting?.catch(() => null));
    this.#client = null;
    await client?.end().catch(() => undefined);
  }

  #connect(): Promise<pg.Client> {
    if (this.#client) return Promise.resolve(this.#client);
    return (this.#connecting ??= this.#open().finally(() => {
      this.#connecting = null;
    }));
  }

  async #open(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: this.#connectionString });
    client.on('notification', (message) => {
      for (const subscription of this.#channels.get(message.channel) ?? []) {
        subscription.onPayload(message.payload ?? '');
      }
    });
    client.on('error', (error) => this.#lost(client, error));
    client.on('end', () => this.#lost(client, new Error('connection ended')));
    await client.connect();
    for (const channel of this.#channels.keys()) await client.query(`LISTEN ${channel}`);
    this.#client = client;
    this.#failures = 0;
    return client;
  }

  #lost(client: pg.Client, error: Error): void {
    if (this.#client !== client || this.#closed) return;
    this.#client = null;
    this.#log(`postgres: listening connection lost (${error.message}); reconnecting`);
    client.end().catch(() => undefined);
    this.#retry();
  }

  #retry(): void {
    const delay = Math.min(30_000, 250 * 2 ** this.#failures++);
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = null;
      if (this.#closed) return;
      this.#connect().then(
        () => {
          for (const set of this.#channels.values()) for (const subscription of set) subscription.onGap?.();
        },
        (error: Error) => {
          this.#log(`postgres: could not reopen the listening connection (${error.message})`);
          this.#retry();
        },
      );
    }, delay);
    this.#retryTimer.unref();
  }
}
