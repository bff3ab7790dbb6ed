// Shared by the customer and staff tests (not a test file itself).
import assert from 'node:assert/strict';
import type { Customer } from '@kith/schema';
import { ALL_SCOPES, type TestApi } from '../test-support/api.js';
import { must } from '../util/must.js';

/** The demo's people around the sample customer's owner (a sales rep). */
export interface Cast {
  rep: string;
  manager: string;
  /** A rep in another team. */
  otherRep: string;
  /** The other team's manager. */
  otherManager: string;
  admin: string;
  support: string;
}

export async function castOf(api: TestApi): Promise<Cast> {
  const { rows } = await api.db.query<{ id: string; role: string; manager_id: string | null }>('SELECT id, role, manager_id FROM staff ORDER BY email');
  const me = must(rows.find((r) => r.id === api.staffId), 'the rep');
  assert.equal(me.role, 'sales', 'the sample customer is owned by a sales rep');
  const manager = must(me.manager_id, 'the rep has a manager');
  const otherRep = must(rows.find((r) => r.role === 'sales' && r.manager_id !== manager), 'a rep of another team');
  return {
    rep: me.id,
    manager,
    otherRep: otherRep.id,
    otherManager: must(otherRep.manager_id, 'their manager'),
    admin: must(rows.find((r) => r.role === 'admin'), 'an admin').id,
    support: must(rows.find((r) => r.role === 'support'), 'support').id,
  };
}

/** A staff token with every scope for this staff user. */
export const as = (api: TestApi, staffId: string) => api.staffWith(ALL_SCOPES, staffId);

/** Every item of a list, following `next` (asserting each page's size and that no id repeats). */
export async function collect<T extends { id: string }>(api: TestApi, path: string, headers: Record<string, string>, limit = 100): Promise<{ items: T[]; pages: number }> {
  const items: T[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const url: string = `${path}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const response = await api.request('GET', url, headers);
    assert.equal(response.status, 200, await response.clone().text());
    const page = (await response.json()) as { items: T[]; next: string | null };
    assert.ok(page.items.length <= limit);
    if (page.next) assert.equal(page.items.length, limit, 'only the last page is short');
    items.push(...page.items);
    cursor = page.next;
    pages += 1;
  } while (cursor);
  assert.equal(new Set(items.map((i) => i.id)).size, items.length, 'no item twice');
  return { items, pages };
}

/** Name (code point order) then id: the lists' order. */
export const byNameThenId = (a: { name: string; id: string }, b: { name: string; id: string }) =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

let n = 0;
/** A unique suffix for names and e-mail addresses made by a test. */
export const unique = () => `${process.pid}${++n}${Math.random().toString(36).slice(2, 7)}`;

/** Creates a customer with the secret key (201 asserted). */
export async function createCustomer(api: TestApi, body: Record<string, unknown>, headers = api.headers.sk): Promise<Customer> {
  const response = await api.request('POST', '/v1/customers', headers, body);
  assert.equal(response.status, 201, await response.clone().text());
  return (await response.json()) as Customer;
}
