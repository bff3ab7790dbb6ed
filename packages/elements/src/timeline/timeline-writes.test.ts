import { expect, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../../../../test/support/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import type { Customer, Scope } from '@kith/schema';
import type { ClientOptions, KithClient } from '@kith/sdk';
import { mintToken, serverInfo, type KithServerInfo } from '../../../../test/support/server-commands.js';
import { expectAccessible } from '../../../../test/support/accessibility.js';
import type { KithInteractionCreateEvent } from '../events/kith-interaction-create.js';
import type { KithTimeline } from './timeline.js';
import { announcement, articles, clientWith as clientOf, customerWith, part, parts, squash, text, timeline, until } from './timeline.test-support.js';

let server: KithServerInfo;
let readToken = '';
let writeToken = '';
const READ: Scope[] = ['customers:read'];
const WRITE: Scope[] = ['customers:read', 'customers:write', 'interactions:write'];
const HOSTILE = '<img src=x onerror="window.__kithWriteHacked=1"><script>window.__kithWriteHacked=2</script>';

const clientWith = (token: string | null, options: Partial<ClientOptions> = {}) => clientOf(server, token, options);
const composer = (el: KithTimeline) => el.shadowRoot?.querySelector('kith-timeline-composer') ?? null;
const inComposer = (el: KithTimeline, selector: string) => composer(el)?.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;
const pendingItems = (el: KithTimeline) => parts(el, 'pending-item');

/** Opens the form with the button of `kind` and waits until it is there, texts loaded. */
async function openForm(el: KithTimeline, kind: 'add-note' | 'log-call'): Promise<void> {
  const button = part(el, `${kind}-button`);
  expect(button !== null, `the ${kind} button`).to.equal(true);
  button?.click();
  await waitUntil(() => inComposer(el, 'textarea[name="summary"]') !== null, 'the form never opened');
  await composer(el)?.localeReady();
  await composer(el)?.updateComplete;
}

/** Types into a field of the form as a person would (focus, then keys). */
async function typeInto(el: KithTimeline, selector: string, value: string): Promise<void> {
  inComposer(el, selector)?.focus();
  await sendKeys({ type: value });
}

/** The interactions the server holds for a customer whose summary contains `q`. */
async function serverCount(customerId: string, q: string): Promise<number> {
  const reader = clientWith(readToken, { cache: false });
  const page = await reader.interactions.list(customerId, { q });
  return page.total;
}

describe('<kith-timeline> writing', () => {
  let writer: KithClient;
  let customer: Customer;

  before(async () => {
    server = await serverInfo();
    readToken = (await mintToken({ kind: 'staff', scopes: READ })).token;
    writeToken = (await mintToken({ kind: 'staff', scopes: WRITE })).token;
    writer = clientWith(writeToken, { cache: false });
  });

  beforeEach(async () => {
    customer = await customerWith(writer, 'writes', 3);
  });

  it('adds a note by keyboard: sent, shown at the top as confirmed, announced, focus back on the button', async () => {
    const el = await timeline(clientWith(writeToken), customer.id);
    await until(el, 'ready');
    await waitUntil(() => part(el, 'add-note-button') !== null, 'the write buttons never came');
    await openForm(el, 'add-note');
    expect(composer(el)?.shadowRoot?.activeElement === inComposer(el, 'textarea[name="summary"]'), 'focus is in the summary').to.equal(true);
    await expectAccessible(el);
    const summary = `Note ${crypto.randomUUID().slice(0, 8)}`;
    await sendKeys({ type: summary });
    await typeInto(el, 'textarea[name="body"]', HOSTILE);
    const created = oneEvent(el, 'kith-interaction-create') as Promise<KithInteractionCreateEvent>;
    inComposer(el, '[part~="save-button"]')?.click();
    const event = await created;
    expect(event.detail.result.status).to.equal('sent');
    expect(event.detail.interaction).to.include({ type: 'note', direction: 'internal', summary });
    await waitUntil(() => composer(el) === null, 'the form never closed');
    await waitUntil(() => squash(articles(el)[0]?.querySelector('.summary')?.textContent) === summary, 'the note is not at the top');
    const top = articles(el)[0];
    expect(squash(top?.querySelector('.body')?.textContent), 'hostile text rendered as text').to.equal(HOSTILE);
    expect(el.shadowRoot?.querySelector('script, img') === null).to.equal(true);
    expect((window as unknown as { __kithWriteHacked?: number }).__kithWriteHacked).to.equal(undefined);
    expect(pendingItems(el)).to.have.length(0);
    expect(announcement(el)).to.equal('Saved to the timeline.');
    await waitUntil(() => el.shadowRoot?.activeElement === part(el, 'add-note-button'), 'focus never came back to "Add note"');
    expect(await serverCount(customer.id, summary)).to.equal(1);
  });

  it('logs a call with its direction; an empty summary is refused beside the field; Escape cancels', async () => {
    const el = await timeline(clientWith(writeToken), customer.id);
    await until(el, 'ready');
    await waitUntil(() => part(el, 'log-call-button') !== null, 'the write buttons never came');
    await openForm(el, 'log-call');
    inComposer(el, '[part~="save-button"]')?.click();
    await composer(el)?.updateComplete;
    expect(squash(inComposer(el, '#summary-problem')?.textContent)).to.equal('Write a summary.');
    expect(inComposer(el, 'textarea[name="summary"]')?.getAttribute('aria-invalid')).to.equal('true');
    const [, inbound] = composer(el)?.shadowRoot?.querySelectorAll<HTMLInputElement>('input[name="direction"]') ?? [];
    inbound?.click();
    const summary = `Call ${crypto.randomUUID().slice(0, 8)}`;
    await typeInto(el, 'textarea[name="summary"]', summary);
    const created = oneEvent(el, 'kith-interaction-create') as Promise<KithInteractionCreateEvent>;
    inComposer(el, '[part~="save-button"]')?.click();
    expect((await created).detail.interaction).to.include({ type: 'call', channel: 'phone', direction: 'inbound', summary });
    await waitUntil(() => squash(articles(el)[0]?.querySelector('.line')?.textContent) === 'Call, inbound', 'the call is not at the top');

    await openForm(el, 'add-note');
    await sendKeys({ type: 'never saved' });
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => composer(el) === null, 'Escape never closed the form');
    expect(await serverCount(customer.id, 'never saved')).to.equal(0);
  });

  it('offline: the note shows as pending, survives a reload, and is delivered exactly once when back online', async function () {
    this.timeout(40_000);
    let offline = true;
    const faulty: typeof fetch = async (input, init) => {
      if (offline && init?.method && init.method !== 'GET') throw new TypeError('Failed to fetch');
      return fetch(input, init);
    };
    const storage = { cache: { name: `kith-timeline-offline-${crypto.randomUUID()}` }, outbox: { name: `kith-timeline-offline-${crypto.randomUUID()}` } };
    const first = clientWith(writeToken, { ...storage, fetch: faulty, retry: false });
    const el = await timeline(first, customer.id);
    await until(el, 'ready');
    await waitUntil(() => part(el, 'add-note-button') !== null, 'the write buttons never came');
    await openForm(el, 'add-note');
    const summary = `Offline ${crypto.randomUUID().slice(0, 8)}`;
    await sendKeys({ type: summary });
    const created = oneEvent(el, 'kith-interaction-create') as Promise<KithInteractionCreateEvent>;
    inComposer(el, '[part~="save-button"]')?.click();
    expect((await created).detail.result.status).to.equal('queued');
    await waitUntil(() => pendingItems(el).length === 1, 'the note never showed as pending');
    const pending = pendingItems(el)[0];
    expect(squash(pending?.querySelector('.summary')?.textContent)).to.equal(summary);
    expect(text(el, 'pending-state')).to.equal('Waiting to send: it is kept here and sent when you are back online.');
    expect(pending?.getAttribute('aria-posinset')).to.equal('1');
    await expectAccessible(el);
    el.remove();

    // A reload: a new client on the same storage shows the kept note as pending.
    const second = clientWith(writeToken, { ...storage, fetch: faulty, retry: false });
    const again = await timeline(second, customer.id);
    await until(again, 'ready');
    await waitUntil(() => pendingItems(again).length === 1, 'the kept note is not shown after a reload');
    expect(await serverCount(customer.id, summary)).to.equal(0);

    offline = false;
    await second.outbox.flush();
    await waitUntil(() => pendingItems(again).length === 0, 'the note never left the outbox');
    await waitUntil(() => articles(again).some((a) => squash(a.querySelector('.summary')?.textContent) === summary), 'the delivered note is not shown');
    await first.outbox.flush();
    expect(await serverCount(customer.id, summary)).to.equal(1);
  });

  it('a refused note keeps what was written in the form; Cancel drops it', async () => {
    // A token that may read but not write interactions: the server answers 403.
    const client = clientWith(readToken);
    const el = await timeline(client, customer.id);
    await until(el, 'ready');
    await waitUntil(() => part(el, 'add-note-button') !== null, 'the write buttons never came');
    await openForm(el, 'add-note');
    await sendKeys({ type: 'Refused note' });
    const created = oneEvent(el, 'kith-interaction-create') as Promise<KithInteractionCreateEvent>;
    inComposer(el, '[part~="save-button"]')?.click();
    expect((await created).detail.result.status).to.equal('failed');
    await composer(el)?.updateComplete;
    expect(squash(inComposer(el, '[part~="composer-message"]')?.textContent)).to.match(/^Not saved: .+What you wrote is kept/);
    expect((inComposer(el, 'textarea[name="summary"]') as HTMLTextAreaElement).value).to.equal('Refused note');
    expect(pendingItems(el), 'the form shows the refused note, the list does not repeat it').to.have.length(0);
    await expectAccessible(el);
    (inComposer(el, '[part~="cancel-button"]') as HTMLElement).click();
    await waitUntil(() => composer(el) === null, 'Cancel never closed the form');
    await waitUntil(() => client.outbox.entries.length === 0, 'the refused entry was not dropped');
  });

  it('readonly hides the write buttons', async () => {
    const client = clientWith(writeToken);
    const el = await timeline(client, customer.id);
    el.readonly = true;
    await until(el, 'ready');
    await waitUntil(() => el.items.length === 3, 'the items never showed');
    // Compared as booleans: a failed comparison must not print a whole element.
    expect(part(el, 'add-note-button') === null, 'no "Add note"').to.equal(true);
    expect(part(el, 'log-call-button') === null, 'no "Log call"').to.equal(true);
    el.readonly = false;
    await waitUntil(() => part(el, 'add-note-button') !== null, '"Add note" never came back');
  });
});
