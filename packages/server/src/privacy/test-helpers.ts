// Shared by the privacy tests (not a test file itself): a customer with a unique marker in
// every personal field and activity in every part of the domain, and a scan of every text
// column of every table for those markers.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { Queryable } from '../db/database.js';
import { publishEvent } from '../events/publish.js';
import { ALL_SCOPES, type TestApi } from '../test-support/api.js';
import { must } from '../util/must.js';

/** Sends a request and returns the parsed body, asserting the status. */
export async function call<T>(api: TestApi, method: string, path: string, headers: Record<string, string>, body?: unknown, status = 200): Promise<T> {
  const response = await api.request(method, path, headers, body);
  const text = await response.text();
  assert.equal(response.status, status, `${method} ${path}: ${text}`);
  return JSON.parse(text) as T;
}

/** One unique marker per personal field (`m` is random per customer). */
function markersFor(m: string, digits: string) {
  return {
    name: `${m}nm`,
    email: `${m}em@example.com`,
    phone: `+44 7700 9${digits.slice(0, 2)} ${digits.slice(2)}`,
    address: `${m}ad 1 High Street, London`,
    tag: `${m}tg`,
    externalId: `${m}ext`,
    company: `${m}co Ltd`,
    role: `${m}ro buyer`,
    note: `${m}nt`,
    noteBody: `${m}nb`,
    survey: `${m}sv`,
    complaintSubject: `${m}cs`,
    complaintBody: `${m}cb`,
    complaintEmail: `${m}ce@example.com`,
    reviewEmail: `${m}re@example.com`,
    ledgerNote: `${m}ln`,
    author: `${m}au`,
    answer: `${m}an`,
  };
}
export type Markers = ReturnType<typeof markersFor>;

/** A marked customer and what was made for them. */
export interface Subject {
  id: string;
  name: string;
  /** Strings that appear only in their personal data: none may survive an erasure. */
  markers: Markers;
  /** Written by them and kept (anonymised) by `reviews: 'anonymise'`. */
  reviewId: string;
  reviewText: string;
  orderIds: string[];
  otherStaffId: string;
  /** An interaction on another customer's timeline that names them. */
  otherInteractionId: string;
  /** A complaint made with the publishable key that gives their e-mail. */
  anonymousComplaintId: string;
  /** A review (pending) made with the publishable key that gives their e-mail. */
  anonymousReviewId: string;
  webhookEndpointId: string;
}

/** A staff token with every scope (privacy:manage included) for the sample customer's owner. */
export const everything = (api: TestApi) => api.staffWith(ALL_SCOPES);

/**
 * Creates the customer through the API (as a shop and its staff would) with a marker in
 * every personal field, then: a PATCH (audit before/after), two orders, a note written
 * with an Idempotency-Key (a stored answer), another customer's note naming them, a deal
 * named after them, a published review with a reply, a survey comment, a complaint with
 * contact details (answered), an anonymous complaint and review giving their e-mail, points with a
 * note, a share, events naming them, and webhook deliveries of those events.
 */
export async function markedCustomer(api: TestApi): Promise<Subject> {
  const m = `q${randomBytes(5).toString('hex')}`;
  const digits = String(parseInt(m.slice(1, 7), 16) % 900_000 + 100_000);
  const name = `Nora ${m}nm 王芳`;
  const markers = markersFor(m, digits);
  const sk = api.headers.sk;
  const staff = await everything(api);
  const me = await api.db.query<{ id: string }>('SELECT id FROM staff WHERE id <> $1 ORDER BY email LIMIT 1', [api.staffId]);
  const otherStaffId = must(me.rows[0], 'another staff user').id;

  const created = await call<{ id: string }>(api, 'POST', '/v1/customers', sk, {
    kind: 'person', name, ownerId: api.staffId, externalId: markers.externalId, company: markers.company, locale: 'en-GB',
    channels: [
      { kind: 'email', value: markers.email, preferred: true },
      { kind: 'phone', value: markers.phone, preferred: true },
      { kind: 'address', value: markers.address, preferred: true },
    ],
    tags: [markers.tag],
  }, 201);
  const id = created.id;
  await call(api, 'PATCH', `/v1/customers/${id}`, { ...staff, 'if-match': '"1"' }, { role: markers.role, tags: [markers.tag, 'vip'] });
  await call(api, 'PUT', `/v1/customers/${id}/shares/${otherStaffId}`, staff);

  const { rows: products } = await api.db.query<{ id: string }>('SELECT id FROM products ORDER BY id LIMIT 2');
  const eur = (amount: number) => ({ amount, currency: 'EUR' });
  const orderIds: string[] = [];
  for (const [i, product] of products.entries()) {
    const total = 12_000 + i * 1_000;
    const order = await call<{ id: string }>(api, 'PUT', '/v1/ingest/orders', sk, {
      externalId: `${m}-order-${i}`, customerId: id, status: 'paid', subtotal: eur(total), total: eur(total),
      lines: [{ productId: product.id, name: 'Wool coat', quantity: 1, unitPrice: eur(total), total: eur(total) }],
      placedAt: new Date(api.clock.now.getTime() - (i + 1) * 86_400_000).toISOString(),
    }, 201);
    orderIds.push(order.id);
  }

  await call(api, 'POST', `/v1/customers/${id}/interactions`, { ...staff, 'idempotency-key': `${m}-note` }, {
    channel: 'phone', type: 'note', direction: 'internal', phase: 'sale', summary: `Called: ${markers.note}`, body: `Details ${markers.noteBody}`,
  }, 201);
  const other = await call<{ id: string }>(api, 'POST', `/v1/customers/${api.otherCustomerId}/interactions`, sk, {
    channel: 'visit', type: 'meeting', direction: 'internal', phase: 'pre_sale', summary: 'Fair', body: `Met ${name} (${markers.email}) at the fair`,
  }, 201);

  const { rows: stages } = await api.db.query<{ id: string; currency: string }>(
    "SELECT s.id, p.currency FROM stages s JOIN pipelines p ON p.id = s.pipeline_id WHERE s.kind = 'open' ORDER BY p.created_at, s.position LIMIT 1",
  );
  const stage = must(stages[0], 'an open stage');
  await call(api, 'POST', '/v1/opportunities', sk, { stageId: stage.id, customerId: id, title: `Spring order for ${name}`, amount: { amount: 50_000, currency: stage.currency.trim() } }, 201);

  const token = await api.customerAs(id);
  const reviewText = 'Warm and well made, would buy again.';
  const review = await call<{ id: string }>(api, 'POST', '/v1/feedback', token, {
    kind: 'review', productId: must(products[0], 'a product').id, rating: 5, title: 'Lovely coat', body: `${reviewText} — ${name}`,
    authorName: markers.author, email: markers.reviewEmail, language: 'en',
  }, 201);
  await call(api, 'POST', `/v1/feedback/${review.id}/moderate`, staff, { action: 'publish' });
  await call(api, 'POST', `/v1/feedback/${review.id}/reply`, staff, { body: `Thank you, ${name}!` });
  await call(api, 'POST', '/v1/feedback', token, { kind: 'survey', metric: 'nps', score: 9, comment: `Great ${markers.survey}` }, 201);
  const complaint = await call<{ id: string }>(api, 'POST', '/v1/feedback', token, {
    kind: 'complaint', category: 'delivery', subject: `Late ${markers.complaintSubject}`, body: `Where is it ${markers.complaintBody}`,
    contact: { name, email: markers.complaintEmail, phone: markers.phone },
  }, 201);
  await call(api, 'POST', `/v1/feedback/${complaint.id}/reply`, staff, { body: `Sorry ${name}, it ships today ${markers.answer}` });
  const anonymous = await call<{ id: string }>(api, 'POST', '/v1/feedback', api.headers.pk, {
    kind: 'complaint', category: 'service', subject: 'Rude answer', body: 'Nobody called back.',
    contact: { name: 'N.', email: markers.email.toUpperCase(), phone: null },
  }, 201);
  const anonymousReview = await call<{ id: string }>(api, 'POST', '/v1/feedback', api.headers.pk, {
    kind: 'review', productId: must(products[1], 'a second product').id, rating: 2, title: 'Too small', body: 'Runs small.',
    authorName: 'N.', email: markers.email.toUpperCase(), language: 'en',
  }, 201);
  await call(api, 'POST', `/v1/customers/${id}/loyalty/adjust`, staff, { points: 25, note: `Goodwill ${markers.ledgerNote}` }, 201);

  // Events naming them (on their topic and another), delivered to a webhook endpoint.
  const webhookEndpointId = must((await api.db.query<{ id: string }>(
    `INSERT INTO webhook_endpoints (url, events, secret, created_at, updated_at)
     VALUES ('http://127.0.0.1:9/privacy-test', ARRAY['customer.updated', 'complaint.created'], $1, $2, $2) RETURNING id`,
    [`whsec_${'x'.repeat(43)}`, api.clock.now],
  )).rows[0], 'the endpoint').id;
  await api.db.transaction(async (tx) => {
    await publishEvent(tx, { topic: `customer:${id}`, type: 'customer.updated', audience: 'staff', data: { customerId: id, name, phone: markers.phone } }, api.clock.now);
    await publishEvent(tx, { topic: 'inbox', type: 'complaint.created', audience: 'staff', data: { contact: { name, email: markers.complaintEmail } } }, api.clock.now);
  });

  return { id, name, markers, reviewId: review.id, reviewText, orderIds, otherStaffId, otherInteractionId: other.id, anonymousComplaintId: anonymous.id, anonymousReviewId: anonymousReview.id, webhookEndpointId };
}

/** One hit of a marker: where it was found. */
export interface Hit {
  table: string;
  column: string;
  marker: string;
  rows: number;
}

/**
 * Searches every text, varchar, char, json and jsonb column (and arrays of them) of every
 * table of the current schema for each marker, case-insensitively. Table and column names
 * come from the catalogue and are quoted by `format('%I')`; the markers are a parameter.
 */
export async function scanEveryColumn(db: Queryable, markers: readonly string[]): Promise<Hit[]> {
  const { rows: columns } = await db.query<{ table_name: string; column_name: string; sql: string }>(
    `SELECT c.table_name, c.column_name,
            format('SELECT m.marker, count(*)::int AS rows FROM %I.%I t, unnest($1::text[]) AS m(marker)
                     WHERE strpos(lower(t.%I::text), m.marker) > 0 GROUP BY m.marker', c.table_schema, c.table_name, c.column_name) AS sql
       FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
      WHERE c.table_schema = current_schema()
        AND (c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb')
             OR (c.data_type = 'ARRAY' AND c.udt_name IN ('_text', '_varchar', '_bpchar', '_json', '_jsonb')))
      ORDER BY c.table_name, c.column_name`,
  );
  assert.ok(columns.length > 40, `the catalogue lists the text columns (${columns.length})`);
  const lowered = markers.map((marker) => marker.toLowerCase());
  const hits: Hit[] = [];
  for (const column of columns) {
    const { rows } = await db.query<{ marker: string; rows: number }>(column.sql, [lowered]);
    for (const row of rows) hits.push({ table: column.table_name, column: column.column_name, marker: row.marker, rows: row.rows });
  }
  return hits;
}
