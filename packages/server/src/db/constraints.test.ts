// The rules across columns that 0001_domain.sql enforces so that every row maps to a valid
// @kith/schema record: each is tried once allowed and once refused. Everything runs in one
// transaction that is rolled back; each refused statement is undone to a savepoint.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Database, Queryable, SqlValue } from './database.js';
import { migrate } from './migrate.js';
import { closeAll, variants } from '../test-support/database.js';
import { must } from '../util/must.js';

after(closeAll);

/** Thrown to roll the probe transaction back. */
class Rollback extends Error {}

/** Runs `fn` in a transaction that is always rolled back. */
async function probe(db: Database, fn: (tx: Queryable) => Promise<void>): Promise<void> {
  await db.transaction(async (tx) => {
    await fn(tx);
    throw new Rollback();
  }).catch((error: unknown) => {
    if (!(error instanceof Rollback)) throw error;
  });
}

/** The statement must fail on a constraint; the transaction goes on. */
async function refused(tx: Queryable, sql: string, params: readonly SqlValue[] = []): Promise<void> {
  await tx.query('SAVEPOINT probe');
  await assert.rejects(tx.query(sql, params), /constraint|non-DEFAULT value/i, sql);
  await tx.query('ROLLBACK TO SAVEPOINT probe');
}

const id = async (tx: Queryable, sql: string, params: readonly SqlValue[] = []) =>
  must((await tx.query<{ id: string }>(sql, params)).rows[0], sql).id;

const REVIEW = `INSERT INTO feedback (kind, product_id, rating, title, body, author_name, language, verified_purchase,
  moderation_status, rejection_reason) VALUES ('review', $1, 5, $2, 'Lovely', 'Ana', 'en', true, $3, $4)`;
const SURVEY = "INSERT INTO feedback (kind, metric, score, title) VALUES ('survey', $1, $2, $3)";
const COMPLAINT = `INSERT INTO feedback (kind, category, subject, body, contact_name, contact_email, contact_phone,
  complaint_status, created_at, due_at, answered_at)
  VALUES ('complaint', 'delivery', 'Late', 'Still waiting', 'Ana', $1, $2, $3, $4, $5, $6)`;

for (const variant of variants()) {
  describe(`table constraints on ${variant.name}`, { skip: variant.skip }, () => {
    let db: Database;
    before(async () => {
      db = await variant.open();
      await migrate(db);
    });

    test('customers: the e-mail match key follows the preferred e-mail channel; credit is all or nothing', () =>
      probe(db, async (tx) => {
        const channels = JSON.stringify([
          { kind: 'email', value: 'old@example.com', preferred: false },
          { kind: 'email', value: 'Ana.Lima@Example.COM', preferred: true },
        ]);
        const customer = await id(tx, "INSERT INTO customers (kind, name, channels) VALUES ('person', 'Ana', $1::jsonb) RETURNING id", [channels]);
        const email = async () => (await tx.query<{ email: string | null }>('SELECT email FROM customers WHERE id = $1', [customer])).rows[0]?.email;
        assert.equal(await email(), 'ana.lima@example.com');
        await tx.query(`UPDATE customers SET channels = '[{"kind":"phone","value":"+44 20 7946 0000","preferred":true}]' WHERE id = $1`, [customer]);
        assert.equal(await email(), null);
        await refused(tx, "INSERT INTO customers (kind, name, email) VALUES ('person', 'Bo', 'bo@example.com')");
        await refused(tx, "INSERT INTO customers (kind, name, credit_limit, credit_rating) VALUES ('person', 'Bo', 1000, 'A')");
      }));

    test('products: a price has a currency, or neither is set', () =>
      probe(db, async (tx) => {
        await tx.query("INSERT INTO products (name) VALUES ('Quote only')");
        await tx.query("INSERT INTO products (name, price, currency) VALUES ('Scarf', 4500, 'EUR')");
        await refused(tx, "INSERT INTO products (name, price) VALUES ('Scarf', 4500)");
      }));

    test('pipelines: closed stages are certain or gone; a deal is in its pipeline\'s stage and currency', () =>
      probe(db, async (tx) => {
        const pipeline = await id(tx, "INSERT INTO pipelines (name, currency) VALUES ('P', 'EUR') RETURNING id");
        const other = await id(tx, "INSERT INTO pipelines (name, currency) VALUES ('Q', 'EUR') RETURNING id");
        const stage = await id(tx, "INSERT INTO stages (pipeline_id, name, position, probability, kind) VALUES ($1, 'Won', 0, 10000, 'won') RETURNING id", [pipeline]);
        await refused(tx, "INSERT INTO stages (pipeline_id, name, position, probability, kind) VALUES ($1, 'Lost', 1, 500, 'lost')", [pipeline]);
        await refused(tx, "INSERT INTO stages (pipeline_id, name, position, probability, kind) VALUES ($1, 'Lead', -1, 500, 'open')", [pipeline]);
        const customer = await id(tx, "INSERT INTO customers (kind, name) VALUES ('organisation', 'Org') RETURNING id");
        const deal = 'INSERT INTO opportunities (pipeline_id, stage_id, customer_id, title, amount, currency, rank) VALUES ($1, $2, $3, $4, 100, $5, $6)';
        await tx.query(deal, [pipeline, stage, customer, 'Deal', 'EUR', 'a0']);
        await refused(tx, deal, [other, stage, customer, 'Wrong pipeline', 'EUR', 'a1']);
        await refused(tx, deal, [pipeline, stage, customer, 'Wrong currency', 'USD', 'a1']);
        await refused(tx, deal, [pipeline, stage, customer, 'Bad rank', 'EUR', 'a-1']);
      }));

    test('feedback: each kind has its own columns and only those', () =>
      probe(db, async (tx) => {
        const product = await id(tx, "INSERT INTO products (name) VALUES ('Scarf') RETURNING id");
        await tx.query(REVIEW, [product, 'Great', 'rejected', 'Contains a phone number']);
        await refused(tx, REVIEW, [product, 'Great', 'published', 'Contains a phone number']);
        await refused(tx, REVIEW, [product, null, 'published', null]);
        await refused(tx, REVIEW, [null, 'Great', 'published', null]);
        await tx.query(SURVEY, ['nps', 0, null]);
        await tx.query(SURVEY, ['ces', 7, null]);
        await refused(tx, SURVEY, ['csat', 6, null]);
        await refused(tx, SURVEY, ['ces', 0, null]);
        await refused(tx, SURVEY, ['nps', 9, 'A survey has no title']);
      }));

    test('complaints: reachable by e-mail or phone, due 24 hours after, answered when answered', () =>
      probe(db, async (tx) => {
        const created = new Date('2026-03-28T12:00:00Z');
        const due = new Date('2026-03-29T12:00:00Z');
        await tx.query(COMPLAINT, ['ana@example.com', null, 'open', created, due, null]);
        await tx.query(COMPLAINT, [null, '+44 20 7946 0000', 'answered', created, due, due]);
        await refused(tx, COMPLAINT, [null, null, 'open', created, due, null]);
        await refused(tx, COMPLAINT, ['ana@example.com', null, 'open', created, new Date('2026-03-29T11:00:00Z'), null]);
        await refused(tx, COMPLAINT, ['ana@example.com', null, 'resolved', created, due, null]);
      }));

    test('ledger: the sign of the points follows the reason', () =>
      probe(db, async (tx) => {
        const customer = await id(tx, "INSERT INTO customers (kind, name) VALUES ('person', 'Ana') RETURNING id");
        const program = await id(tx, "INSERT INTO loyalty_programs (name, earn_points, earn_per, earn_currency) VALUES ('Club', 1, 100, 'EUR') RETURNING id");
        await refused(tx, "INSERT INTO loyalty_programs (name, earn_points, earn_per, earn_currency) VALUES ('Free', 1, 0, 'EUR')");
        await tx.query('INSERT INTO loyalty_accounts (program_id, customer_id) VALUES ($1, $2)', [program, customer]);
        const entry = 'INSERT INTO loyalty_ledger (program_id, customer_id, points, reason) VALUES ($1, $2, $3, $4)';
        for (const [points, reason] of [[100, 'purchase'], [-50, 'redeem'], [-10, 'expire'], [-5, 'adjust'], [5, 'adjust']] as const) {
          await tx.query(entry, [program, customer, points, reason]);
        }
        for (const [points, reason] of [[-100, 'purchase'], [50, 'redeem'], [10, 'expire'], [-1, 'referral'], [0, 'adjust']] as const) {
          await refused(tx, entry, [program, customer, points, reason]);
        }
      }));
  });
}
