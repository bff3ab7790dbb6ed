// Customer search through the SDK: the provider's client (with the staff token from the
// intranet's backend) sends `GET /v1/customers?q=`, so tokens, retries, time-outs and typed
// errors are the SDK's. Typing waits a moment before searching; Enter searches at once. The
// query is kept in the address, so Back from a customer returns to the same results.
import { clientOf, requireStaff, roleName, showSignedIn, staffToken } from './session.js';
import { isCustomer, pageOf } from './shapes.js';
import { statusLine } from './status-line.js';

const PAGE_SIZE = 20;
const TYPING_PAUSE_MS = 300;
const KIND_NAMES = { person: 'Person', organisation: 'Organisation' };
const customerPage = pageOf(isCustomer);

const provider = document.getElementById('kith');
// Before the provider upgrades: it makes its client with the token function from the start.
provider.token = staffToken;

const form = document.getElementById('search-form');
const input = document.getElementById('search-q');
const { say, fail } = statusLine(document.getElementById('search-status'));
const results = document.getElementById('results');
const more = document.getElementById('more');

/** The search being shown: its words, the next page's cursor, and how to abort it. */
let current = { q: '', next: null, controller: new AbortController() };
let typing;

function resultItem(customer) {
  const item = document.createElement('li');
  item.className = 'result';
  const link = document.createElement('a');
  link.href = `customer.html?id=${encodeURIComponent(customer.id)}`;
  link.className = 'result-name';
  link.textContent = customer.name;
  link.dir = 'auto';
  const facts = [KIND_NAMES[customer.kind] ?? customer.kind, customer.company, customer.loyalty?.tierName && `${customer.loyalty.tierName} tier`].filter(Boolean);
  const meta = document.createElement('span');
  meta.className = 'result-meta';
  meta.textContent = facts.join(' · ');
  item.append(link, meta);
  if (customer.tags.length > 0) {
    const tags = document.createElement('ul');
    tags.className = 'tags';
    tags.setAttribute('aria-label', 'Tags');
    for (const tag of customer.tags) {
      const chip = document.createElement('li');
      chip.textContent = tag;
      tags.append(chip);
    }
    item.append(tags);
  }
  return item;
}

function explain(error) {
  switch (error?.code) {
    case 'network':
    case 'timeout':
      return 'Kith cannot be reached. Check the connection and try again.';
    case 'unauthorized':
    case 'forbidden':
      return 'Your sign-in does not allow searching customers.';
    case 'rate_limited':
      return 'Too many searches at once. Wait a moment and try again.';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

/**
 * Shows the first page for `q` (`more`: the next page of the search shown). A newer search
 * aborts the older one, so results never arrive out of order.
 */
async function search(client, q, { more: next = false } = {}) {
  current.controller.abort();
  const controller = new AbortController();
  current = { q, next: next ? current.next : null, controller };
  results.setAttribute('aria-busy', 'true');
  more.hidden = true;
  say(next ? 'Loading more customers…' : 'Searching…');
  try {
    const page = await client.send(
      { method: 'GET', path: '/v1/customers', query: { q: q || undefined, limit: PAGE_SIZE, cursor: current.next ?? undefined }, schema: customerPage },
      { signal: controller.signal },
    );
    if (controller.signal.aborted) return;
    const items = page.items.map(resultItem);
    if (next) results.append(...items);
    else results.replaceChildren(...items);
    current.next = page.next;
    more.hidden = page.next === null;
    const shown = results.children.length;
    if (shown === 0) say(q ? `No customers in your book match “${q}”.` : 'There are no customers in your book yet.');
    else say(`${shown} ${shown === 1 ? 'customer' : 'customers'}${q ? ` matching “${q}”` : ''}${page.next ? ', more below' : ''}.`);
    // After More, keyboard focus goes to the first new result, not back to the top.
    if (next && items[0]) items[0].querySelector('a').focus();
  } catch (error) {
    if (controller.signal.aborted) return;
    if (!next) results.replaceChildren();
    fail(`The search failed: ${explain(error)}`, 'search-retry', () => search(client, q, { more: next }));
  } finally {
    if (current.controller === controller) results.setAttribute('aria-busy', 'false');
  }
}

function remember(q) {
  const url = new URL(location.href);
  if (q) url.searchParams.set('q', q);
  else url.searchParams.delete('q');
  history.replaceState(null, '', url);
}

const staff = await requireStaff();
showSignedIn(staff);
document.getElementById('book-note').textContent =
  `Signed in as ${staff.name} (${roleName(staff.role)}): these are the customers in your book. Kith's server decides what each person sees, whatever a page asks for.`;

try {
  const client = await clientOf(provider);
  const start = new URLSearchParams(location.search).get('q') ?? '';
  input.value = start;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(typing);
    const q = input.value.trim();
    remember(q);
    search(client, q);
  });
  input.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => {
      const q = input.value.trim();
      if (q === current.q) return;
      remember(q);
      search(client, q);
    }, TYPING_PAUSE_MS);
  });
  more.addEventListener('click', () => search(client, current.q, { more: true }));
  search(client, start.trim());
} catch (error) {
  say(`Kith is not available on this page: ${explain(error)}`, true);
}
