// A subject-access export: everything held about one customer, as one document.
import { CUSTOMER_EXPORT_FORMAT, type CustomerExport, type LoyaltyAccount } from '@kith/schema';
import type { Queryable } from '../db/database.js';
import { getCustomer, SELECT_CUSTOMERS, toCustomer, type CustomerRow } from '../customers/read.js';
import { SELECT_FEEDBACK, toFeedback, type FeedbackRow } from '../feedback/read.js';
import { SELECT_INTERACTIONS, toInteraction, type InteractionRow } from '../interactions/read.js';
import { readAccount } from '../loyalty/account.js';
import { activeProgram } from '../loyalty/program.js';
import { SELECT_ACCOUNTS, SELECT_LEDGER, SELECT_PROGRAMS, toLedgerEntry, toLoyaltyAccount, type AccountRow, type LedgerRow, type ProgramRow } from '../loyalty/read.js';
import { SELECT_OPPORTUNITIES, toOpportunity, type OpportunityRow } from '../opportunities/read.js';
import { SELECT_ORDERS, toOrder, type OrderRow } from '../orders/read.js';
import { must } from '../util/must.js';
import { visibleCustomers, type Visibility } from '../visibility/visibility.js';
import { AUDIT_COLUMNS, toAuditRecord, type AuditRow } from '../audit/records.js';
import { EVENT_COLUMNS, toEvent, type EventRow } from '../events/hub.js';
import { DELIVERY_COLUMNS, toDelivery, type DeliveryRow } from '../webhooks/deliveries.js';
import type { DataSubject } from './subject.js';

/**
 * Feedback about the subject: theirs, and complaints and reviews made without an account that
 * give one of their e-mail addresses (unique to them). `$1` id, `$2` e-mails.
 */
export const FEEDBACK_OF_SUBJECT = `(f.customer_id = $1 OR (f.kind IN ('complaint', 'review') AND f.customer_id IS NULL AND lower(f.contact_email) = ANY($2::text[])))`;

/**
 * Every section of the export, read with the records' own readers. The viewer limits only
 * an organisation's contacts to those a staff user sees; everything else is the subject's.
 * Loyalty accounts are read as `GET …/loyalty` shows them (the lazy expiry applied first).
 */
export async function exportCustomer(db: Queryable, subject: DataSubject, viewer: Visibility, now: Date): Promise<CustomerExport> {
  const id = subject.id;
  const customer = must(await getCustomer(db, id), `customer ${id}`);
  const orders = await db.query<OrderRow>(`${SELECT_ORDERS} WHERE o.customer_id = $1 ORDER BY o.placed_at, o.id`, [id]);
  const interactions = await db.query<InteractionRow>(`${SELECT_INTERACTIONS} WHERE i.customer_id = $1 ORDER BY i.occurred_at, i.id`, [id]);
  const opportunities = await db.query<OpportunityRow>(`${SELECT_OPPORTUNITIES} WHERE o.customer_id = $1 ORDER BY o.created_at, o.id`, [id]);
  const feedback = await db.query<FeedbackRow>(`${SELECT_FEEDBACK} WHERE ${FEEDBACK_OF_SUBJECT} ORDER BY f.created_at, f.id`, [id, subject.emails]);
  const ledger = await db.query<LedgerRow>(`${SELECT_LEDGER} WHERE l.customer_id = $1 ORDER BY l.created_at, l.id`, [id]);
  const shares = await db.query<{ staff_id: string; created_at: Date }>(
    'SELECT staff_id, created_at FROM customer_shares WHERE customer_id = $1 ORDER BY created_at, staff_id',
    [id],
  );
  const audit = await db.query<AuditRow>(
    `SELECT ${AUDIT_COLUMNS} FROM audit_log
      WHERE entity_id = $1 OR (actor_kind = 'customer' AND actor_id = $1)
         OR kith_mentions(before::text, $2) OR kith_mentions(after::text, $2)
      ORDER BY at, id`,
    [id, subject.exactPatterns],
  );
  const events = await db.query<EventRow>(
    `SELECT ${EVENT_COLUMNS} FROM events WHERE topic = $1 OR kith_mentions(data::text, $2) ORDER BY id`,
    [`customer:${id}`, subject.exactPatterns],
  );
  const deliveries = await db.query<DeliveryRow>(
    `SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries WHERE kith_mentions(payload::text, $1) ORDER BY created_at, id`,
    [subject.exactPatterns],
  );
  return {
    format: CUSTOMER_EXPORT_FORMAT,
    exportedAt: now.toISOString(),
    customer,
    erasedAt: subject.erasedAt?.toISOString() ?? null,
    contacts: subject.kind === 'organisation' ? await contactsOf(db, id, viewer) : [],
    orders: orders.rows.map(toOrder),
    interactions: interactions.rows.map(toInteraction),
    opportunities: opportunities.rows.map(toOpportunity),
    feedback: feedback.rows.map(toFeedback),
    loyalty: { accounts: await accountsOf(db, id, now), ledger: ledger.rows.map(toLedgerEntry) },
    shares: shares.rows.map((row) => ({ staffId: row.staff_id, createdAt: row.created_at.toISOString() })),
    tags: customer.tags,
    audit: audit.rows.map(toAuditRecord),
    // Who may receive an event is the server's routing, not data about the customer.
    events: events.rows.map((row) => {
      const { audience: _audience, ...event } = toEvent(row);
      return event;
    }),
    webhookDeliveries: deliveries.rows.map(toDelivery),
  };
}

/** An organisation's contact persons: all of them for its own token and the secret key, those a staff user sees. */
async function contactsOf(db: Queryable, id: string, viewer: Visibility) {
  const clause = visibleCustomers(viewer.kind === 'customer' ? { kind: 'all' } : viewer, 'c', 2);
  const { rows } = await db.query<CustomerRow>(
    `${SELECT_CUSTOMERS} WHERE c.organisation_id = $1 AND ${clause.sql} ORDER BY c.name COLLATE "C", c.id`,
    [id, ...clause.params],
  );
  return rows.map(toCustomer);
}

/** The account in the shop's program as the loyalty routes show it; any other program's as stored. */
async function accountsOf(db: Queryable, id: string, now: Date): Promise<LoyaltyAccount[]> {
  const { rows } = await db.query<AccountRow>(`${SELECT_ACCOUNTS} WHERE a.customer_id = $1 ORDER BY a.joined_at, a.program_id`, [id]);
  if (rows.length === 0) return [];
  const active = await activeProgram(db);
  const { rows: programs } = await db.query<ProgramRow>(`${SELECT_PROGRAMS} WHERE p.id = ANY($1::uuid[])`, [rows.map((r) => r.program_id)]);
  const accounts: LoyaltyAccount[] = [];
  for (const row of rows) {
    if (active && row.program_id === active.id) {
      accounts.push(await readAccount(db, active, id, now));
    } else {
      const program = must(programs.find((p) => p.id === row.program_id), `loyalty program ${row.program_id}`);
      accounts.push(toLoyaltyAccount(row, program.tiers));
    }
  }
  return accounts;
}

/** How many records each section holds (what the audit entry of an export records: no content). */
export function sectionCounts(document: CustomerExport): Record<string, number> {
  return {
    contacts: document.contacts.length,
    orders: document.orders.length,
    interactions: document.interactions.length,
    opportunities: document.opportunities.length,
    feedback: document.feedback.length,
    loyaltyAccounts: document.loyalty.accounts.length,
    ledger: document.loyalty.ledger.length,
    shares: document.shares.length,
    audit: document.audit.length,
    events: document.events.length,
    webhookDeliveries: document.webhookDeliveries.length,
  };
}
