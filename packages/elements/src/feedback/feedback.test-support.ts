// What the test files of <kith-feedback> (review, survey, complaint) share: finding pieces in the
// shadow root, clients with storage of their own, and a network that refuses writes.
import { createClient, type ClientOptions, type KithClient } from '@kith/sdk';
import type { KithServerInfo } from '../../../../test/support/server-commands.js';
import { squash } from '../../../../test/support/dom.js';

export const inside = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot?.querySelector<T>(selector) ?? null;
export const text = (el: Element, selector: string) => squash(inside(el, selector)?.textContent);
/** What the polite live region says. */
export const announcement = (el: Element) => text(el, 'p.visually-hidden[role="status"]');
export const unique = (label: string) => `${label} ${crypto.randomUUID().slice(0, 8)}`;

/** Cache and outbox databases of their own (a "reload" makes a second client on the same ones). */
export function ownStorage(): Pick<ClientOptions, 'cache' | 'outbox'> {
  const name = `kith-feedback-test-${crypto.randomUUID()}`;
  return { cache: { name: `${name}-cache` }, outbox: { name: `${name}-outbox` } };
}

/** A publishable-key client of the server, with storage of its own and no retries (tests see each outcome at once). */
export function clientFor(server: KithServerInfo, options: Partial<ClientOptions> = {}): KithClient {
  return createClient({ baseUrl: server.url, key: server.publishableKey, ...ownStorage(), retry: false, ...options });
}

/** A fetch whose writes (POST) fail as on a dead network; reads pass. */
export const writesFail: typeof fetch = async (resource, init) => {
  if (init?.method === 'POST') throw new TypeError('Failed to fetch');
  return fetch(resource, init);
};

/** A network that refuses writes until `online()`; reads always pass. */
export function offlineWrites(): { fetch: typeof fetch; online(): void } {
  let offline = true;
  return {
    fetch: (resource, init) => (offline ? writesFail(resource, init) : fetch(resource, init)),
    online: () => {
      offline = false;
    },
  };
}
