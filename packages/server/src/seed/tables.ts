import type { Queryable } from '../db/database.js';
import { bulkInsert, type ColumnType, type Row } from './bulk-insert.js';
import type { DemoData } from './generate.js';

/** Columns the seed writes, per table (in foreign-key order). */
const COLUMNS = {
  staff: { id: 'uuid', name: 'text', email: 'text', role: 'text', team: 'text', manager_id: 'uuid' },
  // No `email`: it is generated from `channels`.
  customers: {
    id: 'uuid', external_id: 'text', kind: 'text', name: 'text', company: 'text', organisation_id: 'uuid',
    role: 'text', channels: 'jsonb', owner_id: 'uuid', tags: 'text[]', locale: 'text', currency: 'text',
    lifetime_value: 'int8', order_count: 'int4', first_order_at: 'timestamptz', last_order_at: 'timestamptz',
    rfm_recency: 'int4', rfm_frequency: 'int4', rfm_monetary: 'int4', segment: 'text', key_account: 'bool',
    churn_level: 'text', churn_score: 'int4', credit_limit: 'int8', credit_used: 'int8', credit_rating: 'text',
    version: 'int4', created_at: 'timestamptz', updated_at: 'timestamptz',
  },
  products: {
    id: 'uuid', external_id: 'text', name: 'text', url: 'text', image_url: 'text', price: 'int8', currency: 'text',
    created_at: 'timestamptz', updated_at: 'timestamptz',
  },
  orders: {
    id: 'uuid', external_id: 'text', customer_id: 'uuid', status: 'text', subtotal: 'int8', discount: 'int8', tax: 'int8',
    shipping: 'int8', total: 'int8', currency: 'text', placed_at: 'timestamptz', created_at: 'timestamptz', updated_at: 'timestamptz',
  },
  order_lines: {
    order_id: 'uuid', line_no: 'int4', product_id: 'uuid', external_product_id: 'text', name: 'text', quantity: 'int4',
    unit_price: 'int8', total: 'int8',
  },
  pipelines: { id: 'uuid', name: 'text', currency: 'text', created_at: 'timestamptz' },
  stages: { id: 'uuid', pipeline_id: 'uuid', name: 'text', position: 'int4', probability: 'int4', kind: 'text' },
  opportunities: {
    id: 'uuid', pipeline_id: 'uuid', stage_id: 'uuid', customer_id: 'uuid', title: 'text', amount: 'int8', currency: 'text',
    expected_close: 'date', owner_id: 'uuid', rank: 'text', version: 'int4', created_at: 'timestamptz', updated_at: 'timestamptz',
  },
  feedback: {
    id: 'uuid', kind: 'text', customer_id: 'uuid', body: 'text', product_id: 'uuid', order_id: 'uuid', rating: 'int4',
    title: 'text', author_name: 'text', language: 'text', verified_purchase: 'bool', moderation_status: 'text',
    rejection_reason: 'text', reply_body: 'text', reply_staff_id: 'uuid', replied_at: 'timestamptz', metric: 'text',
    score: 'int4', category: 'text', subject: 'text', contact_name: 'text', contact_email: 'text', contact_phone: 'text',
    complaint_status: 'text', due_at: 'timestamptz', answered_at: 'timestamptz', created_at: 'timestamptz',
    updated_at: 'timestamptz',
  },
  loyalty_programs: { id: 'uuid', name: 'text', earn_points: 'int4', earn_per: 'int8', earn_currency: 'text', created_at: 'timestamptz' },
  loyalty_tiers: { id: 'uuid', program_id: 'uuid', name: 'text', position: 'int4', threshold: 'int4', benefits: 'text[]' },
  loyalty_accounts: { program_id: 'uuid', customer_id: 'uuid', tier_id: 'uuid', joined_at: 'timestamptz' },
  loyalty_ledger: {
    id: 'uuid', program_id: 'uuid', customer_id: 'uuid', points: 'int4', reason: 'text', order_id: 'uuid',
    feedback_id: 'uuid', referred_customer_id: 'uuid', note: 'text', created_at: 'timestamptz',
  },
  interactions: {
    id: 'uuid', customer_id: 'uuid', channel: 'text', type: 'text', direction: 'text', phase: 'text', summary: 'text',
    body: 'text', staff_id: 'uuid', order_id: 'uuid', opportunity_id: 'uuid', feedback_id: 'uuid',
    occurred_at: 'timestamptz', created_at: 'timestamptz',
  },
} satisfies Record<string, Record<string, ColumnType>>;

/** Inserts the demo data: one multi-row statement per table. */
export async function insertDemo(q: Queryable, data: DemoData): Promise<void> {
  const rows: Record<keyof typeof COLUMNS, readonly Row[]> = {
    staff: data.staff,
    customers: data.customers,
    products: data.products,
    orders: data.orders,
    order_lines: data.orderLines,
    pipelines: [data.pipeline],
    stages: data.stages,
    opportunities: data.opportunities,
    feedback: data.feedback,
    loyalty_programs: [data.program],
    loyalty_tiers: data.tiers,
    loyalty_accounts: data.accounts,
    loyalty_ledger: data.ledger,
    interactions: data.interactions,
  };
  for (const table of Object.keys(COLUMNS) as (keyof typeof COLUMNS)[]) {
    await bulkInsert(q, table, COLUMNS[table], rows[table]);
  }
}
