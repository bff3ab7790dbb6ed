// Reads every row of every domain table through the resource readers (src/<resource>/read.ts),
// paired with the @kith/schema schema each record must satisfy. The seed test validates
// them all, so a column the SQL and the schema disagree on shows up as a failing record.
import {
  Customer, Feedback, LedgerEntry, LoyaltyAccount, LoyaltyProgram, Opportunity, Order, Pipeline, Product, Staff,
  Interaction,
} from '@kith/schema';
import { SELECT_CUSTOMERS, toCustomer, type CustomerRow } from '../customers/read.js';
import type { Queryable } from '../db/database.js';
import { SELECT_FEEDBACK, toFeedback, type FeedbackRow } from '../feedback/read.js';
import { SELECT_INTERACTIONS, toInteraction, type InteractionRow } from '../interactions/read.js';
import {
  SELECT_ACCOUNTS, SELECT_LEDGER, SELECT_PROGRAMS, toLedgerEntry, toLoyaltyAccount, toLoyaltyProgram,
  type AccountRow, type LedgerRow, type ProgramRow,
} from '../loyalty/read.js';
import { SELECT_OPPORTUNITIES, toOpportunity, type OpportunityRow } from '../opportunities/read.js';
import { SELECT_ORDERS, toOrder, type OrderRow } from '../orders/read.js';
import { SELECT_PIPELINES, toPipeline, type PipelineRow } from '../pipelines/read.js';
import { SELECT_PRODUCTS, toProduct, type ProductRow } from '../products/read.js';
import { SELECT_STAFF, toStaff, type StaffRow } from '../staff/read.js';
import { must } from '../util/must.js';

/** What the test needs of a zod schema. */
export interface Validator {
  safeParse(input: unknown):
    | { success: true }
    | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
}

/** The records of one resource and the schema they must satisfy. */
export interface RecordSet {
  /** The table each record is one row of (nested rows such as order lines come along). */
  table: string;
  schema: Validator;
  /** Each record with an id to name it by in a failure. */
  records: readonly { id: string; record: unknown }[];
}

const byId = (records: readonly { id: string }[]) => records.map((record) => ({ id: record.id, record }));

/** Every record of the domain, resource by resource (ordered by id, so failures are stable). */
export async function readEveryRecord(q: Queryable): Promise<RecordSet[]> {
  const all = async <R>(sql: string, order: string) => (await q.query<R>(`${sql} ORDER BY ${order}`)).rows;
  const programs = (await all<ProgramRow>(SELECT_PROGRAMS, 'p.id')).map(toLoyaltyProgram);
  const tiersOf = new Map(programs.map((p) => [p.id, p.tiers]));
  const accounts = (await all<AccountRow>(SELECT_ACCOUNTS, 'a.program_id, a.customer_id')).map((row) =>
    toLoyaltyAccount(row, must(tiersOf.get(row.program_id), 'the account\'s program')),
  );
  return [
    { table: 'staff', schema: Staff, records: byId((await all<StaffRow>(SELECT_STAFF, 's.id')).map(toStaff)) },
    { table: 'customers', schema: Customer, records: byId((await all<CustomerRow>(SELECT_CUSTOMERS, 'c.id')).map(toCustomer)) },
    { table: 'products', schema: Product, records: byId((await all<ProductRow>(SELECT_PRODUCTS, 'p.id')).map(toProduct)) },
    { table: 'orders', schema: Order, records: byId((await all<OrderRow>(SELECT_ORDERS, 'o.id')).map(toOrder)) },
    { table: 'pipelines', schema: Pipeline, records: byId((await all<PipelineRow>(SELECT_PIPELINES, 'p.id')).map(toPipeline)) },
    { table: 'opportunities', schema: Opportunity, records: byId((await all<OpportunityRow>(SELECT_OPPORTUNITIES, 'o.id')).map(toOpportunity)) },
    { table: 'feedback', schema: Feedback, records: byId((await all<FeedbackRow>(SELECT_FEEDBACK, 'f.id')).map(toFeedback)) },
    { table: 'loyalty_programs', schema: LoyaltyProgram, records: byId(programs) },
    // An account has no id of its own: name it by its customer.
    { table: 'loyalty_accounts', schema: LoyaltyAccount, records: accounts.map((record) => ({ id: record.customerId, record })) },
    { table: 'loyalty_ledger', schema: LedgerEntry, records: byId((await all<LedgerRow>(SELECT_LEDGER, 'l.id')).map(toLedgerEntry)) },
    { table: 'interactions', schema: Interaction, records: byId((await all<InteractionRow>(SELECT_INTERACTIONS, 'i.id')).map(toInteraction)) },
  ];
}
