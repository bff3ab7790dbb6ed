import type { CustomerListQuery, CustomerPage } from '@kith/schema';
import type { Queryable, SqlValue } from '../db/database.js';
import { visibleCustomers, type Visibility } from '../visibility/visibility.js';
import { NAME_ORDER, decodeNameCursor, namePage } from './keyset.js';
import { SELECT_CUSTOMERS, toCustomer, type CustomerRow } from './read.js';

/**
 * Search text as the SQL side compares it: combining accents stripped here (NFD), then
 * `kith_fold` (migration 0004) folds case and the precomposed letters NFD cannot split
 * (ø, ł, đ). LIKE's wildcards are escaped, so `%` or `_` in a search match themselves.
 */
export function searchPattern(q: string): string {
  const stripped = q.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
  return `%${stripped.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

/** A WHERE clause built from fragments; values are always bound as `$n`, never spliced in. */
export class Where {
  readonly parts: string[] = [];
  readonly params: SqlValue[] = [];
  /** Adds `sql(n)` where `n` is the number of the first of `values`. */
  add(sql: (n: number) => string, ...values: SqlValue[]): this {
    this.parts.push(sql(this.params.length + 1));
    this.params.push(...values);
    return this;
  }
  get sql(): string {
    return this.parts.length ? `WHERE ${this.parts.join(' AND ')}` : '';
  }
}

/** The visibility condition on `customers c` as a fragment of `where`. */
export function addVisibility(where: Where, viewer: Visibility): void {
  const clause = visibleCustomers(viewer, 'c', where.params.length + 1);
  where.parts.push(clause.sql);
  where.params.push(...clause.params);
}

/** The newest interaction on the customer's timeline (migration 0001's timeline index). */
const LAST_CONTACT = '(SELECT max(i.occurred_at) FROM interactions i WHERE i.customer_id = c.id)';

/**
 * One page of the customers the viewer sees, filtered and ordered by name then id, all in
 * SQL so the filters apply to every row and a page is exactly `limit` rows.
 */
export async function listCustomers(q: Queryable, viewer: Visibility, query: CustomerListQuery): Promise<CustomerPage> {
  const where = new Where();
  addVisibility(where, viewer);
  if (query.q !== undefined) where.add((n) => `kith_fold(c.name) LIKE kith_fold($${n})`, searchPattern(query.q));
  if (query.tag !== undefined) where.add((n) => `c.tags @> $${n}::text[]`, query.tag);
  if (query.ownerId !== undefined) where.add((n) => `c.owner_id = $${n}`, query.ownerId);
  if (query.segment !== undefined) where.add((n) => `c.segment = $${n}`, query.segment);
  if (query.tierId !== undefined) where.add((n) => `la.tier_id = $${n}`, query.tierId);
  if (query.kind !== undefined) where.add((n) => `c.kind = $${n}`, query.kind);
  if (query.organisationId !== undefined) where.add((n) => `c.organisation_id = $${n}`, query.organisationId);
  // Never contacted counts as "not since then": the customers to call first.
  if (query.lastContactBefore !== undefined) {
    where.add((n) => `COALESCE(${LAST_CONTACT} < $${n}::timestamptz, true)`, query.lastContactBefore);
  }
  if (query.lastContactAfter !== undefined) where.add((n) => `${LAST_CONTACT} > $${n}::timestamptz`, query.lastContactAfter);
  return pageOfCustomers(q, where, query.cursor, query.limit);
}

/** Applies the cursor and limit to `where` and reads the page. */
export async function pageOfCustomers(q: Queryable, where: Where, cursor: string | undefined, limit = 20): Promise<CustomerPage> {
  if (cursor !== undefined) {
    const after = decodeNameCursor(cursor);
    where.add((n) => `(c.name ${NAME_ORDER}, c.id) > ($${n}::text ${NAME_ORDER}, $${n + 1}::uuid)`, after.name, after.id);
  }
  const { rows } = await q.query<CustomerRow>(
    `${SELECT_CUSTOMERS} ${where.sql} ORDER BY c.name ${NAME_ORDER}, c.id LIMIT $${where.params.length + 1}`,
    [...where.params, limit + 1],
  );
  return namePage(rows, limit, toCustomer);
}
