// Helpers shared by the outbox's browser suites: real writes, real rows counted on the real server,
// the outbox's own IndexedDB read raw. Not part of the public API (excluded from the build).
import { CreatedFeedback, Interaction } from '@kith/schema';
import { mintToken, type KithServerInfo } from '../../../../test/support/server-commands.js';
import { createClient, type ClientOptions, type KithClient } from '../index.js';
import type * as Sdk from '../index.js';
import type { OutboxEntry, OutboxEvent, WriteSpec } from './types.js';

/** Text no other test (or run) writes, so rows can be counted by it. */
export const uniqueText = (label: string) => `outbox ${label} ${crypto.randomUUID()}`;

/** A note on a customer's timeline (staff, `interactions:write`). */
export function noteSpec(customerId: string, summary: string): WriteSpec<Interaction> {
  return {
    kind: 'interactions.create',
    method: 'POST',
    path: `/v1/customers/${customerId}/interactions`,
    body: { channel: 'phone', type: 'note', direction: 'outbound', phase: 'after_sale', summary },
    schema: Interaction,
    invalidates: [`/v1/customers/${customerId}`],
  };
}

/** A shopper's complaint (customer token): it lands on their own timeline, where it is counted. */
export function complaintSpec(text: string): WriteSpec<CreatedFeedback> {
  return {
    kind: 'feedback.submit',
    method: 'POST',
    path: '/v1/feedback',
    body: { kind: 'complaint', category: 'delivery', subject: 'Parcel late', body: text, contact: { name: 'Ana', email: 'ana@example.com', phone: null } },
    schema: CreatedFeedback,
  };
}

/** A staff token that writes notes and reads timelines, minted once (a stopped server mints none). */
export async function staffToken(): Promise<string> {
  return (await mintToken({ kind: 'staff', scopes: ['customers:read', 'interactions:write'] })).token;
}

/** Rows on `customerId`'s timeline that contain `text`, read with a fresh staff token straight from the server. */
export async function countRows(server: KithServerInfo, customerId: string, text: string): Promise<number> {
  const { token } = await mintToken({ kind: 'staff', scopes: ['customers:read'] });
  const url = `${server.url}/v1/customers/${customerId}/interactions?q=${encodeURIComponent(text)}&limit=100`;
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`counting rows: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { total: number }).total;
}

/** Clients and databases made by a test, closed and deleted after it. */
export class Pages {
  readonly #clients = new Map<KithClient, string | undefined>();
  readonly #names = new Set<string>();

  /** A unique outbox database name, deleted at cleanup. */
  name(): string {
    const name = `kith-outbox-test-${crypto.randomUUID()}`;
    this.#names.add(name);
    return name;
  }

  /** A client with memory-only cache over the outbox database `name`. */
  client(options: Omit<ClientOptions, 'outbox'> & { outbox: NonNullable<ClientOptions['outbox']> }, make: typeof createClient = createClient): KithClient {
    if (options.outbox.name) this.#names.add(options.outbox.name);
    const client = make({ cache: false, ...options });
    this.#clients.set(client, options.outbox.name);
    return client;
  }

  /** The outbox database name `client` was made with. */
  nameOf(client: KithClient): string {
    const name = this.#clients.get(client);
    if (!name) throw new Error('this client was not made by Pages.client with an outbox name');
    return name;
  }

  async cleanup(): Promise<void> {
    this.#clients.forEach((_name, client) => {
      try {
        client.close();
      } catch {
        // a client of an iframe already removed: its document is gone, and everything with it
      }
    });
    this.#clients.clear();
    await Promise.all([...this.#names].map((name) => deleteDatabase(name)));
    this.#names.clear();
  }
}

/** Every event an outbox sends from now on. */
export function record(client: KithClient) {
  const events: OutboxEvent[] = [];
  const stop = client.outbox.subscribe((event) => events.push(event));
  return {
    events,
    stop,
    delivered: () => events.filter((event): event is Extract<OutboxEvent, { type: 'delivered' }> => event.type === 'delivered'),
    degraded: () => events.filter((event): event is Extract<OutboxEvent, { type: 'degraded' }> => event.type === 'degraded'),
  };
}

/** Waits until `condition` holds (polling), or fails saying what did not happen. */
export async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error(`timed out waiting: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The entries in the outbox database `name`, read raw (as another page would); [] when it does not exist. */
export function storedEntries(name: string): Promise<OutboxEntry[]> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name);
    let missing = false;
    request.onupgradeneeded = () => {
      missing = true; // it did not exist: do not create it (the outbox must create it its way)
      request.transaction?.abort();
    };
    request.onerror = () => (missing ? resolve([]) : reject(request.error ?? new Error('open failed')));
    request.onsuccess = () => {
      const db = request.result;
      const read = db.transaction('entries').objectStore('entries').getAll();
      read.onsuccess = () => {
        db.close();
        resolve(read.result as OutboxEntry[]);
      };
      read.onerror = () => {
        db.close();
        reject(read.error ?? new Error('read failed'));
      };
    };
  });
}

export function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error('delete failed'));
  });
}

/** A second document of this origin (a same-origin iframe) with its own copy of the SDK: a real other
 * page, with its own realm, IndexedDB connections, locks and BroadcastChannel. `close()` removes it. */
export async function openPage(): Promise<{ sdk: typeof Sdk; close(): void }> {
  const frame = document.createElement('iframe');
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the iframe did not load the SDK')), 20_000);
    window.addEventListener('message', function onMessage(event) {
      if (event.source !== frame.contentWindow || event.data !== 'kith-sdk-ready') return;
      window.removeEventListener('message', onMessage);
      clearTimeout(timer);
      resolve();
    });
  });
  frame.srcdoc = `<!doctype html><script type="module">
    import * as sdk from '/packages/sdk/src/index.ts';
    window.kithSdk = sdk;
    parent.postMessage('kith-sdk-ready', '*');
  </script>`;
  document.body.append(frame);
  await ready;
  const sdk = (frame.contentWindow as (Window & { kithSdk?: typeof Sdk }) | null)?.kithSdk;
  if (!sdk) throw new Error('the iframe has no SDK');
  return { sdk, close: () => frame.remove() };
}
