// Reading a Kith element in a browser test: its parts by name, their text as a reader sees it, and
// waiting for a state. One copy for every element's tests.
import { expect } from '@open-wc/testing';
import { waitUntil } from './wait.js';

/** Text with each run of white space made one space, trimmed (a template's line breaks are not words). */
export const squash = (value: string | null | undefined): string => (value ?? '').trim().replace(/\s+/g, ' ');

/** The first piece of the element's shadow DOM carrying `part` `name`; null when there is none. */
export const part = (el: Element, name: string): HTMLElement | null => el.shadowRoot?.querySelector<HTMLElement>(`[part~="${name}"]`) ?? null;

/** Every piece of the element's shadow DOM carrying `part` `name`, in document order. */
export const parts = (el: Element, name: string): HTMLElement[] => [...(el.shadowRoot?.querySelectorAll<HTMLElement>(`[part~="${name}"]`) ?? [])];

/** The squashed text of the part `name` ("" when there is no such part). */
export const text = (el: Element, name: string): string => squash(part(el, name)?.textContent);

/** A Kith data element: a state to wait for, and texts that may still be loading. */
export interface StatefulElement extends HTMLElement {
  readonly status: string;
  localeReady(): Promise<void>;
  readonly updateComplete: Promise<boolean>;
}

/** Waits until the element shows `status` (10 s at most), with its texts loaded and rendered; `what` names it in the failure. */
export async function untilStatus(el: StatefulElement, status: string, what: string): Promise<void> {
  await waitUntil(() => el.status === status, `${what} never reached "${status}" (it is "${el.status}")`);
  await el.localeReady();
  await el.updateComplete;
}

/** How a saved-data walk makes the element's next read fail (`none`: answers again). */
export type ReadFailure = 'network' | 'server' | 'none';

/**
 * The states an element with saved data walks through, in English: the network fails (offline,
 * saved data kept), then the server fails (stale), then the server answers and Retry brings it
 * back to ready. `fail` switches the element's fetch; `kept` checks what stays on screen;
 * `accessible` runs in the offline and stale states.
 */
export async function walkSavedStates(
  el: StatefulElement & { retry(): void },
  fail: (failure: ReadFailure) => void,
  { kept, accessible }: { kept: () => void; accessible: () => Promise<void> },
): Promise<void> {
  fail('network');
  el.retry();
  await untilStatus(el, 'offline', el.localName);
  expect(text(el, 'status')).to.equal('You are offline: showing saved data. It may be out of date.');
  kept();
  expect(part(el, 'retry-button') !== null, 'offline offers Retry').to.equal(true);
  await accessible();
  fail('server');
  el.retry();
  await untilStatus(el, 'stale', el.localName);
  expect(text(el, 'status')).to.equal('Showing saved data: the latest could not be loaded.');
  kept();
  await accessible();
  fail('none');
  part(el, 'retry-button')?.click();
  await untilStatus(el, 'ready', el.localName);
}
