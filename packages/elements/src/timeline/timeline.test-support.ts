// What the timeline's test files share: finding parts, waiting for a state, making clients and customers.
import { fixture, html } from '@open-wc/testing';
import { waitUntil } from '../../../../test/support/wait.js';
import type { CreateInteraction, Customer } from '@kith/schema';
import { createClient, type ClientOptions, type KithClient } from '@kith/sdk';
import type { KithServerInfo } from '../../../../test/support/server-commands.js';
import type { ResourceStatus } from '../internal/resource-controller.js';
import './timeline.js';
import type { KithTimeline } from './timeline.js';

export async function until(el: KithTimeline, status: ResourceStatus): Promise<void> {
  await waitUntil(() => el.status === status, `the timeline never reached "${status}" (it is "${el.status}")`);
  await el.localeReady();
  await el.updateComplete;
}
export const squash = (value: string | null | undefined) => (value ?? '').trim().replace(/\s+/g, ' ');
export const part = (el: Element, name: string) => el.shadowRoot?.querySelector<HTMLElement>(`[part~="${name}"]`) ?? null;
export const parts = (el: Element, name: string) => [...(el.shadowRoot?.querySelectorAll<HTMLElement>(`[part~="${name}"]`) ?? [])];
export const text = (el: Element, name: string) => squash(part(el, name)?.textContent);
export const articles = (el: KithTimeline) => [...(el.shadowRoot?.querySelectorAll<HTMLElement>('[role="feed"] > article') ?? [])];
/** What the polite live region says. */
export const announcement = (el: KithTimeline) => squash(el.shadowRoot?.querySelector('p.visually-hidden[role="status"]')?.textContent);

/** Storage of its own per client (cache and outbox): tests do not see each other's. */
export const ownStorage = () => {
  const name = `kith-timeline-test-${crypto.randomUUID()}`;
  return { cache: { name: `${name}-cache` }, outbox: { name: `${name}-outbox` } };
};

export function clientWith(server: KithServerInfo, token: string | null, options: Partial<ClientOptions> = {}): KithClient {
  return createClient({ baseUrl: server.url, key: server.publishableKey, token: () => token, ...ownStorage(), ...options });
}

export async function timeline(client: KithClient, id: string, locale = 'en-US'): Promise<KithTimeline> {
  return fixture<KithTimeline>(html`<kith-timeline .client=${client} customer-id=${id} locale=${locale} style="width: 360px"></kith-timeline>`);
}

/** A new customer with `count` interactions, one an hour back from now (summaries "Interaction 0" newest …). */
export async function customerWith(writer: KithClient, name: string, count: number): Promise<Customer> {
  const customer = await writer.customers.create({ kind: 'person', name: `Timeline test ${name} ${crypto.randomUUID().slice(0, 8)}` }, { allowDuplicate: true });
  const now = Date.now();
  for (let i = 0; i < count; i++) {
    const interaction: CreateInteraction = {
      channel: i % 2 ? 'email' : 'phone', type: i % 2 ? 'note' : 'call', direction: i % 2 ? 'internal' : 'outbound', phase: 'after_sale',
      summary: `Interaction ${i}`, occurredAt: new Date(now - (i + 1) * 3_600_000).toISOString(),
    };
    const result = await writer.interactions.create(customer.id, interaction);
    if (result.status !== 'sent') throw new Error(`interaction ${i} was ${result.status}`);
  }
  return customer;
}
