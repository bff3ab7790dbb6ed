import type { Credential } from '../auth/credential.js';
import type { Queryable, SqlValue } from '../db/database.js';

/**
 * What a staff user may see follows the sales hierarchy (migration 0003):
 * - `admin`, `support`, and the shop's server (secret key): every customer and opportunity;
 * - `manager`: what they or anyone in their team (reports, recursively) owns, and what is shared with them;
 * - `sales`: what they own and what is shared with them.
 * A customer token sees only its own customer; a publishable key sees no customer data.
 *
 * `visibleClause` gives a SQL condition to AND into a query, with its parameters numbered
 * from `firstParam` — never string-built from input: only the alias and numbers vary.
 */
export type Visibility =
  | { kind: 'all' }
  | { kind: 'none' }
  | { kind: 'customer'; customerId: string }
  | { kind: 'staff'; staffId: string };

/** The viewer a credential stands for. */
export async function visibilityOf(q: Queryable, credential: Credential): Promise<Visibility> {
  switch (credential.kind) {
    case 'secret':
      return { kind: 'all' };
    case 'customer':
      return { kind: 'customer', customerId: credential.customerId };
    case 'staff': {
      const { rows } = await q.query<{ role: string }>('SELECT role FROM staff WHERE id = $1', [credential.staffId]);
      const role = rows[0]?.role;
      if (role === undefined) return { kind: 'none' };
      return role === 'admin' || role === 'support' ? { kind: 'all' } : { kind: 'staff', staffId: credential.staffId };
    }
    default:
      return { kind: 'none' };
  }
}

const ALIAS = /^[a-z_][a-z0-9_]*$/;

/** `<alias>` is a `customers` row: the condition under which the viewer sees it. */
export function visibleCustomers(v: Visibility, alias: string, firstParam: number): { sql: string; params: SqlValue[] } {
  if (!ALIAS.test(alias)) throw new Error(`bad SQL alias ${alias}`);
  switch (v.kind) {
    case 'all':
      return { sql: 'TRUE', params: [] };
    case 'none':
      return { sql: 'FALSE', params: [] };
    case 'customer':
      return { sql: `${alias}.id = $${firstParam}`, params: [v.customerId] };
    case 'staff':
      return {
        sql: `(${alias}.owner_id IN (SELECT id FROM kith_staff_scope($${firstParam}::uuid))
               OR EXISTS (SELECT 1 FROM customer_shares s WHERE s.customer_id = ${alias}.id AND s.staff_id = $${firstParam}::uuid))`,
        params: [v.staffId],
      };
  }
}

/** `<alias>` is an `opportunities` row: the condition under which the viewer sees it. */
export function visibleOpportunities(v: Visibility, alias: string, firstParam: number): { sql: string; params: SqlValue[] } {
  if (!ALIAS.test(alias)) throw new Error(`bad SQL alias ${alias}`);
  switch (v.kind) {
    case 'all':
      return { sql: 'TRUE', params: [] };
    case 'none':
    case 'customer':
      return { sql: 'FALSE', params: [] };
    case 'staff':
      return {
        sql: `(${alias}.owner_id IN (SELECT id FROM kith_staff_scope($${firstParam}::uuid))
               OR EXISTS (SELECT 1 FROM opportunity_shares s WHERE s.opportunity_id = ${alias}.id AND s.staff_id = $${firstParam}::uuid))`,
        params: [v.staffId],
      };
  }
}

/** Whether the viewer sees one customer (for get, update and the customer's timeline). */
export async function canSeeCustomer(q: Queryable, v: Visibility, customerId: string): Promise<boolean> {
  const clause = visibleCustomers(v, 'c', 2);
  const { rows } = await q.query(`SELECT 1 FROM customers c WHERE c.id = $1 AND ${clause.sql}`, [customerId, ...clause.params]);
  return rows.length > 0;
}
