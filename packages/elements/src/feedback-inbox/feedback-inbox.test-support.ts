// What the inbox's test files share: the inbox mounted 360 px wide, its entries and their items by
// record id, the item's pieces, the live region, and a live stream known to be open.
import { fixture, html } from '@open-wc/testing';
import { waitUntil } from '../../../../test/support/wait.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { KithClient } from '@kith/sdk';
import { part, squash, untilStatus } from '../../../../test/support/dom.js';
import type { KithFeedbackInbox } from './feedback-inbox.js';
import './feedback-inbox.js';
import type { InboxView } from './inbox.model.js';
import type { KithFeedbackInboxItem } from './inbox-item.js';

export { part, parts, squash, text } from '../../../../test/support/dom.js';

export interface Mount {
  view?: InboxView;
  locale?: string;
  now?: () => number;
  pageSize?: number;
}

/** The inbox, 360 px wide, with a client. */
export function inbox(client: KithClient | undefined, options: Mount = {}): Promise<KithFeedbackInbox> {
  return fixture<KithFeedbackInbox>(html`<kith-feedback-inbox .client=${client} .now=${options.now} view=${options.view ?? 'reviews'} page-size=${ifDefined(options.pageSize)}
    locale=${options.locale ?? 'en-US'} style="width: 360px"></kith-feedback-inbox>`);
}

/** Waits until the inbox shows `status`, with its texts loaded and rendered. */
export const until = (el: KithFeedbackInbox, status: string) => untilStatus(el, status, 'the inbox');

/** The entry (`<li>`) of a record, if shown. */
export const entryOf = (el: KithFeedbackInbox, id: string) => el.shadowRoot?.querySelector<HTMLElement>(`[part~="entry"][data-id="${id}"]`) ?? null;

/** The item element of a record, if shown. */
export const itemOf = (el: KithFeedbackInbox, id: string) => entryOf(el, id)?.querySelector<KithFeedbackInboxItem>('kith-feedback-inbox-item') ?? null;

/** Waits until the record's item is rendered with its texts, and gives it. */
export async function shownItem(el: KithFeedbackInbox, id: string): Promise<KithFeedbackInboxItem> {
  await waitUntil(() => itemOf(el, id), `item ${id} never showed`);
  await customElements.whenDefined('kith-feedback-inbox-item');
  const item = itemOf(el, id);
  if (!item) throw new Error(`item ${id} went away`);
  await item.localeReady();
  await item.updateComplete;
  return item;
}

/** The ids of the entries in the order shown. */
export const shownIds = (el: KithFeedbackInbox) =>
  [...(el.shadowRoot?.querySelectorAll<HTMLElement>('[part~="entry"]') ?? [])].map((entry) => entry.dataset['id'] ?? '');

/** What the inbox's polite live region says. */
export const announcement = (el: KithFeedbackInbox) => squash(el.shadowRoot?.querySelector('p.visually-hidden[role="status"]')?.textContent);

/** A piece of an item by part name. */
export const itemPart = (item: KithFeedbackInboxItem, name: string) => part(item, name);

/** Opens the staff inbox's live stream on `client` and waits until it is open (the inbox's read shares it). */
export async function liveOpen(client: KithClient): Promise<() => void> {
  let open = false;
  const stop = client.live.subscribe(['inbox'], () => undefined, { onStatus: (status) => (open ||= status === 'open') });
  await waitUntil(() => open, 'the live stream never opened');
  return stop;
}

/** A fetch that counts the inbox's list reads (`GET /v1/feedback`), passing every request on. */
export function countingLists(): { fetch: typeof fetch; readonly count: number } {
  const counter = {
    count: 0,
    fetch: ((input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      if (url.pathname === '/v1/feedback' && (init?.method ?? 'GET') === 'GET') counter.count += 1;
      return fetch(input, init);
    }) as typeof fetch,
  };
  return counter;
}
