import type { Customer } from '@kith/schema';
import type { Queryable } from '../db/database.js';
import { iso, isoOrNull, money } from '../db/rows.js';

/** A `customers` row joined with its loyalty standing, as `SELECT_CUSTOMERS` returns it. */
export interface CustomerRow {
  id: string;
  external_id: string | null;
  kind: Customer['kind'];
  name: string;
  company: string | null;
  organisation_id: string | null;
  role: string | null;
  channels: Customer['channels'];
  owner_id: string | null;
  tags: string[];
  locale: string | null;
  currency: string;
  lifetime_value: number;
  order_count: number;
  first_order_at: Date | null;
  last_order_at: Date | null;
  rfm_recency: number | null;
  rfm_frequency: number | null;
  rfm_monetary: number | null;
  segment: Customer['value']['segment'];
  key_account: boolean;
  churn_level: NonNullable<Customer['value']['churnRisk']>['level'] | null;
  churn_score: number | null;
  credit_limit: number | null;
  credit_used: number | null;
  credit_rating: NonNullable<Customer['credit']>['rating'] | null;
  version: number;
  created_at: Date;
  updated_at: Date;
  program_id: string | null;
  tier_id: string | null;
  tier_name: string | null;
  points: number | null;
  last_contact_at: Date | null;
  last_contact_channel: NonNullable<Customer['lastContact']>['channel'] | null;
  last_contact_direction: NonNullable<Customer['lastContact']>['direction'] | null;
  last_contact_type: NonNullable<Customer['lastContact']>['type'] | null;
}

/**
 * The `customers` columns `toCustomer` needs, from `customers c`. Not the internal
 * `email` matching column: the API shows e-mail addresses in `channels` only.
 */
export const CUSTOMER_COLUMNS = `c.id, c.external_id, c.kind, c.name, c.company, c.organisation_id, c.role, c.channels,
  c.owner_id, c.tags, c.locale, c.currency, c.lifetime_value, c.order_count, c.first_order_at, c.last_order_at,
  c.rfm_recency, c.rfm_frequency, c.rfm_monetary, c.segment, c.key_account, c.churn_level, c.churn_score,
  c.credit_limit, c.credit_used, c.credit_rating, c.version, c.created_at, c.updated_at`;

/**
 * The customer with their loyalty summary: the first program they joined, its tier, and
 * the balance summed from the ledger (never a stored balance); and their last contact, read
 * from the timeline rather than stored, so recording an interaction bumps no version. Append
 * WHERE / ORDER BY (the joins take no parameters, so `$1` is the caller's).
 */
export const SELECT_CUSTOMERS = `
  SELECT ${CUSTOMER_COLUMNS}, la.program_id, la.tier_id, t.name AS tier_name,
         (SELECT COALESCE(sum(l.points), 0)::int8 FROM loyalty_ledger l
           WHERE l.customer_id = c.id AND l.program_id = la.program_id) AS points,
         lc.occurred_at AS last_contact_at, lc.channel AS last_contact_channel,
         lc.direction AS last_contact_direction, lc.type AS last_contact_type
    FROM customers c
    LEFT JOIN LATERAL (
      SELECT a.program_id, a.tier_id FROM loyalty_accounts a
       WHERE a.customer_id = c.id ORDER BY a.joined_at, a.program_id LIMIT 1
    ) la ON true
    LEFT JOIN loyalty_tiers t ON t.id = la.tier_id
    -- Customer.lastContact: staff-internal notes and the transactions the timeline also
    -- shows (orders, points, stage changes) are not contact. Walks interactions_timeline_idx
    -- newest first; the id breaks a tie of two at one instant, as the timeline does.
    LEFT JOIN LATERAL (
      SELECT i.occurred_at, i.channel, i.direction, i.type FROM interactions i
       WHERE i.customer_id = c.id AND i.direction IN ('inbound', 'outbound')
         AND i.type NOT IN ('order', 'points', 'stage_change')
       ORDER BY i.occurred_at DESC, i.id DESC LIMIT 1
    ) lc ON true`;

/** Maps a row to the API's `Customer` shape (validated by the route before it is sent). */
export function toCustomer(row: CustomerRow): Customer {
  const { currency } = row;
  return {
    id: row.id,
    externalId: row.external_id,
    kind: row.kind,
    name: row.name,
    company: row.company,
    organisationId: row.organisation_id,
    role: row.role,
    channels: row.channels,
    ownerId: row.owner_id,
    tags: row.tags,
    locale: row.locale,
    value: {
      lifetimeValue: money(row.lifetime_value, currency),
      orderCount: row.order_count,
      firstOrderAt: isoOrNull(row.first_order_at),
      lastOrderAt: isoOrNull(row.last_order_at),
      rfm:
        row.rfm_recency !== null && row.rfm_frequency !== null && row.rfm_monetary !== null
          ? { recency: row.rfm_recency, frequency: row.rfm_frequency, monetary: row.rfm_monetary }
          : null,
      segment: row.segment,
      keyAccount: row.key_account,
      churnRisk: row.churn_level !== null && row.churn_score !== null ? { level: row.churn_level, score: row.churn_score } : null,
    },
    // All three credit columns are set or none (a CHECK says so).
    credit:
      row.credit_limit !== null && row.credit_used !== null && row.credit_rating !== null
        ? { limit: money(row.credit_limit, currency), used: money(row.credit_used, currency), rating: row.credit_rating }
        : null,
    loyalty:
      row.program_id !== null
        ? { programId: row.program_id, tierId: row.tier_id, tierName: row.tier_name, points: row.points ?? 0 }
        : null,
    lastContact:
      row.last_contact_at !== null && row.last_contact_channel !== null && row.last_contact_direction !== null && row.last_contact_type !== null
        ? { at: iso(row.last_contact_at), channel: row.last_contact_channel, direction: row.last_contact_direction, type: row.last_contact_type }
        : null,
    version: row.version,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

/** One customer by id, or null. */
export async function getCustomer(q: Queryable, id: string): Promise<Customer | null> {
  const { rows } = await q.query<CustomerRow>(`${SELECT_CUSTOMERS} WHERE c.id = $1`, [id]);
  return rows[0] ? toCustomer(rows[0]) : null;
}
