import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  ANONYMOUS_AUTHOR, CustomerErasure, CustomerExport, ERASED_CUSTOMER_NAME, type AuditRecord, type Customer, type ErasureCounts,
  type Feedback, type LedgerEntry, type Review,
} from '@kith/schema';
import { castOf } from '../customers/test-helpers.js';
import { call, everything, markedCustomer, scanEveryColumn, type Subject } from '../privacy/test-helpers.js';
import { assertError, testApi, type TestApi } from '../test-support/api.js';
import { closeAll, variants } from '../test-support/database.js';
import { readEveryRecord } from '../test-support/records.js';

after(closeAll);

const NO_CHANGE: ErasureCounts = {
  interactions: 0, feedback: 0, reviewsAnonymised: 0, reviewsDeleted: 0, otherFeedback: 0, ledgerNotes: 0, opportunities: 0,
  contactsUnlinked: 0, auditEntries: 0, idempotencyKeys: 0, events: 0, webhookDeliveries: 0,
};

for (const variant of variants()) {
  describe(`privacy on ${variant.name}`, { skip: variant.skip }, () => {
    let api: TestApi;
    let subject: Subject;
    let markers: string[];
    /** When the first erasure happened (set by its test). */
    let erasedAt = '';

    before(async () => {
      api = await testApi(await variant.open());
      subject = await markedCustomer(api);
      markers = Object.values(subject.markers);
    });

    /** What the audit trail says about one request of this kind on this customer. */
    const auditOf = async (action: string, entityId: string) =>
      (await api.db.query<{ actor_kind: string; before: unknown; after: unknown }>(
        'SELECT actor_kind, before, after FROM audit_log WHERE action = $1 AND entity_id = $2 ORDER BY at, id',
        [action, entityId],
      )).rows;
    const orderFigures = async (id: string) =>
      (await api.db.query<{ orders: number; total: number; value: number; points: number }>(
        `SELECT (SELECT count(*)::int FROM orders WHERE customer_id = $1) AS orders,
                (SELECT COALESCE(sum(total), 0)::int8 FROM orders WHERE customer_id = $1) AS total,
                (SELECT lifetime_value FROM customers WHERE id = $1) AS value,
                (SELECT COALESCE(sum(points), 0)::int8 FROM loyalty_ledger WHERE customer_id = $1) AS points`,
        [id],
      )).rows[0];

    test('the export holds every section, for the secret key, privacy staff and the customer themself', async () => {
      const path = `/v1/customers/${subject.id}/export`;
      const token = await api.customerAs(subject.id);
      const documents = [
        await call<CustomerExport>(api, 'GET', path, api.headers.sk),
        await call<CustomerExport>(api, 'GET', path, await everything(api)),
        await call<CustomerExport>(api, 'GET', path, token),
      ];
      const m = subject.markers;
      for (const document of documents) {
        const parsed = CustomerExport.safeParse(document);
        assert.ok(parsed.success, JSON.stringify(parsed.error?.issues));
        const has = (section: unknown, ...values: string[]) => {
          const text = JSON.stringify(section);
          for (const value of values) assert.ok(text.includes(value), `${value} in ${text.slice(0, 200)}`);
        };
        assert.equal(document.customer.id, subject.id);
        assert.equal(document.erasedAt, null);
        has(document.customer, subject.name, m.email, m.phone, m.address, m.tag, m.externalId, m.company, m.role);
        assert.deepEqual(document.tags, [m.tag, 'vip']);
        assert.deepEqual(document.contacts, [], 'a person has no contacts');
        assert.deepEqual(document.orders.map((o) => o.id).sort(), [...subject.orderIds].sort());
        has(document.interactions, m.note, m.noteBody, m.answer);
        assert.ok(!JSON.stringify(document.interactions).includes('at the fair'), "another customer's timeline is not theirs");
        has(document.opportunities, subject.name);
        const kinds = document.feedback.map((f) => f.kind).sort();
        assert.deepEqual(kinds, ['complaint', 'complaint', 'review', 'review', 'survey']);
        has(document.feedback, m.author, m.survey, m.complaintSubject, m.complaintBody, m.complaintEmail, m.reviewEmail);
        assert.ok(document.feedback.some((f) => f.id === subject.anonymousComplaintId && f.customerId === null), 'the complaint made without an account');
        assert.ok(document.feedback.some((f) => f.id === subject.anonymousReviewId && f.customerId === null), 'the review made without an account');
        assert.equal(document.loyalty.accounts.length, 1);
        has(document.loyalty.ledger, m.ledgerNote);
        assert.ok(document.loyalty.ledger.some((e) => e.reason === 'review'), 'the points the review earned');
        assert.deepEqual(document.shares.map((s) => s.staffId), [subject.otherStaffId]);
        const patch = document.audit.find((a: AuditRecord) => a.entityId === subject.id && a.before !== null && JSON.stringify(a.after).includes(m.role));
        assert.ok(patch, 'the PATCH with its before and after');
        has(document.audit, m.role, m.ledgerNote);
        has(document.events, subject.name, m.phone);
        assert.ok(document.webhookDeliveries.length >= 2, 'the deliveries of both events');
        has(document.webhookDeliveries, subject.name, m.complaintEmail);
      }
      const [bySecret, byStaff] = documents;
      // Each export adds an audit entry, and a dispatcher may be retrying the deliveries meanwhile.
      const stable = (d: CustomerExport | undefined) => ({ ...d, exportedAt: null, audit: null, webhookDeliveries: d?.webhookDeliveries.map((w) => w.id) });
      assert.deepEqual(stable(bySecret), stable(byStaff), 'the same document');
      assert.equal(documents[2]?.customer.id, subject.id);
    });

    test('export access: own token only, staff within their hierarchy, audited without personal data', async () => {
      const path = `/v1/customers/${subject.id}/export`;
      await assertError(await api.request('GET', path, await api.customerAs(api.otherCustomerId)), 403, 'forbidden');
      await assertError(await api.request('GET', path, await api.staffWith(['customers:read', 'audit:read'])), 403, 'forbidden');
      const cast = await castOf(api);
      await assertError(await api.request('GET', path, await api.staffWith(['privacy:manage'], cast.otherRep)), 404, 'not_found');
      await call(api, 'GET', path, await api.staffWith(['privacy:manage'], cast.admin));
      const entries = await auditOf('customer.export', subject.id);
      assert.ok(entries.length >= 4);
      assert.ok(entries.some((e) => e.actor_kind === 'customer'), "the customer's own request is recorded too");
      for (const entry of entries) {
        const text = JSON.stringify(entry);
        for (const marker of markers) assert.ok(!text.includes(marker), `${marker} copied into the audit entry`);
      }
      const response = await api.request('GET', path, api.headers.sk);
      assert.equal(response.headers.get('cache-control'), 'private, no-store');
    });

    test('erasure: never with a customer token; unknown and unseen customers are 404', async () => {
      const body = { reviews: 'anonymise' };
      await assertError(await api.request('POST', `/v1/customers/${subject.id}/erase`, await api.customerAs(subject.id), body), 403, 'forbidden');
      await assertError(await api.request('POST', `/v1/customers/${subject.id}/erase`, api.headers.sk, { reviews: 'keep' }), 400, 'validation');
      const cast = await castOf(api);
      await assertError(await api.request('POST', `/v1/customers/${subject.id}/erase`, await api.staffWith(['privacy:manage'], cast.otherRep), body), 404, 'not_found');
      assert.equal((await api.db.query('SELECT 1 FROM customers WHERE id = $1 AND erased_at IS NULL', [subject.id])).rows.length, 1, 'nothing erased');
    });

    test('erasure leaves no marker in any column of any table; orders, points and anonymised reviews remain', async () => {
      const figures = await orderFigures(subject.id);
      const { rows: [notes] } = await api.db.query<{ n: number }>('SELECT count(*)::int AS n FROM loyalty_ledger WHERE customer_id = $1 AND note IS NOT NULL', [subject.id]);
      const { rows: [reviewsBefore] } = await api.db.query<{ n: number }>("SELECT count(*)::int AS n FROM feedback WHERE kind = 'review' AND moderation_status = 'published'");
      const before = await scanEveryColumn(api.db, markers);
      assert.deepEqual(new Set(before.map((hit) => hit.marker)), new Set(markers.map((x) => x.toLowerCase())), 'every marker is stored somewhere first');
      for (const table of ['customers', 'interactions', 'feedback', 'loyalty_ledger', 'opportunities', 'audit_log', 'idempotency_keys', 'events', 'webhook_deliveries']) {
        assert.ok(before.some((hit) => hit.table === table), `a marker in ${table} before the erasure`);
      }

      const reason = `Asked by ${subject.markers.email} on the phone`;
      // A token minted before the erasure lives on until it expires (≤ 15 min): it must reach nothing personal.
      const token = await api.customerAs(subject.id);
      const erased = await call<CustomerErasure>(api, 'POST', `/v1/customers/${subject.id}/erase`, { ...(await everything(api)), 'idempotency-key': 'erase-1' }, { reviews: 'anonymise', reason });
      assert.ok(CustomerErasure.safeParse(erased).success);
      assert.equal(erased.alreadyErased, false);
      assert.equal(erased.erasedAt, api.clock.now.toISOString());
      erasedAt = erased.erasedAt;
      const c: Customer = erased.customer;
      assert.equal(c.name, ERASED_CUSTOMER_NAME);
      assert.deepEqual([c.channels, c.tags, c.externalId, c.company, c.role, c.locale, c.credit], [[], [], null, null, null, null, null]);
      assert.equal(erased.counts.reviewsAnonymised, 2, 'theirs, and the one made without an account with their e-mail');
      assert.equal(erased.counts.reviewsDeleted, 0);
      assert.equal(erased.counts.feedback, 3, 'the survey, the complaint, and the complaint made without an account');
      assert.ok(notes && notes.n >= 2, 'points for orders, the review and the adjustment');
      assert.equal(erased.counts.ledgerNotes, notes.n);
      assert.equal(erased.counts.opportunities, 1);
      for (const key of ['interactions', 'auditEntries', 'idempotencyKeys', 'events', 'webhookDeliveries'] as const) {
        assert.ok(erased.counts[key] > 0, `${key} changed`);
      }

      const hits = await scanEveryColumn(api.db, markers);
      assert.deepEqual(hits, [], 'no marker anywhere');
      // The name is no marker of its own (its CJK part is common): check it separately.
      const { rows: named } = await api.db.query(
        `SELECT 1 FROM audit_log WHERE strpos(before::text, $1) > 0 OR strpos(after::text, $1) > 0
         UNION ALL SELECT 1 FROM interactions WHERE strpos(summary || coalesce(body, ''), $1) > 0
         UNION ALL SELECT 1 FROM feedback WHERE strpos(coalesce(body, '') || coalesce(reply_body, '') || coalesce(contact_name, ''), $1) > 0`,
        [subject.name],
      );
      assert.equal(named.length, 0);

      // Orders, value and points add up as before; the published review still counts, anonymously.
      assert.deepEqual(await orderFigures(subject.id), figures);
      const { rows: [reviewsAfter] } = await api.db.query<{ n: number }>("SELECT count(*)::int AS n FROM feedback WHERE kind = 'review' AND moderation_status = 'published'");
      assert.equal(reviewsAfter?.n, reviewsBefore?.n);
      const review = await call<Review>(api, 'GET', `/v1/feedback/${subject.reviewId}`, api.headers.sk);
      assert.equal(review.authorName, ANONYMOUS_AUTHOR);
      assert.equal(review.customerId, null);
      assert.ok(review.body.startsWith(subject.reviewText), 'the text is kept');
      assert.ok(review.body.includes('[erased]') && !review.body.includes(subject.name));
      assert.equal(review.reply?.body, 'Thank you, [erased]!');
      const other = await api.db.query<{ body: string }>('SELECT body FROM interactions WHERE id = $1', [subject.otherInteractionId]);
      assert.equal(other.rows[0]?.body, 'Met [erased] ([erased]) at the fair', "another customer's note loses only their details");

      // Every record still satisfies its schema (tombstone, erased complaints, anonymised review).
      for (const set of await readEveryRecord(api.db)) {
        for (const { id, record } of set.records) assert.ok(set.schema.safeParse(record).success, `${set.table} ${id}`);
      }

      // Audited without personal data; the event names only the id.
      const [entry] = await auditOf('customer.erase', subject.id);
      assert.ok(entry);
      assert.equal(entry.actor_kind, 'staff');
      assert.match(JSON.stringify(entry.after), /Asked by \[erased\] on the phone/);
      const { rows: events } = await api.db.query<{ type: string; audience: string; data: unknown }>('SELECT type, audience, data FROM events WHERE topic = $1', [`customer:${subject.id}`]);
      assert.deepEqual(events, [{ type: 'customer.erased', audience: 'staff', data: { customerId: subject.id, erasedAt: erased.erasedAt } }]);

      // The tombstone is what anyone now reads; the customer's own token reaches nothing personal.
      // And no new token is minted for it.
      const minted = await api.request('POST', '/v1/tokens', api.headers.sk, { kind: 'customer', subject: subject.id, publishableKey: api.demo.publishableKey });
      assert.equal((await assertError(minted, 400, 'validation')).error.message, `The customer ${subject.id} has been erased.`);
      assert.deepEqual(await call(api, 'GET', `/v1/customers/${subject.id}`, api.headers.sk), { ...c });
      const own = await call<Customer>(api, 'GET', `/v1/customers/${subject.id}`, token);
      assert.equal(own.name, ERASED_CUSTOMER_NAME);
      const ledger = await call<{ items: LedgerEntry[] }>(api, 'GET', `/v1/customers/${subject.id}/loyalty/ledger?limit=100`, token);
      assert.ok(ledger.items.length > 0 && ledger.items.every((e) => e.note === null || e.reason === 'expire'));
      const exported = await api.request('GET', `/v1/customers/${subject.id}/export`, token);
      const text = await exported.text();
      assert.equal(exported.status, 200, text);
      for (const marker of markers) assert.ok(!text.includes(marker), `${marker} in the export after erasure`);
      const document = JSON.parse(text) as CustomerExport;
      assert.equal(document.erasedAt, erased.erasedAt);
      assert.ok(document.feedback.every((f: Feedback) => f.kind !== 'review'), 'the anonymised review is theirs no more');
    });

    test('erasing twice: the same tombstone and time, nothing left to change; a retried request replays', async () => {
      const version = (await call<Customer>(api, 'GET', `/v1/customers/${subject.id}`, api.headers.sk)).version;
      api.clock.now = new Date(api.clock.now.getTime() + 60_000);
      const again = await call<CustomerErasure>(api, 'POST', `/v1/customers/${subject.id}/erase`, api.headers.sk, { reviews: 'delete' });
      assert.equal(again.alreadyErased, true);
      assert.deepEqual(again.counts, NO_CHANGE);
      assert.equal(again.customer.version, version, 'an untouched tombstone keeps its version');
      assert.equal(again.erasedAt, erasedAt, 'the first erasure\'s time');
      assert.equal((await auditOf('customer.erase', subject.id)).length, 2, 'each request is audited');
      const review = await api.db.query('SELECT 1 FROM feedback WHERE id = $1', [subject.reviewId]);
      assert.equal(review.rows.length, 1, 'an anonymised review is nobody\'s: a later "delete" does not reach it');
      const replay = await api.request('POST', `/v1/customers/${subject.id}/erase`, { ...(await everything(api)), 'idempotency-key': 'erase-1' }, { reviews: 'anonymise', reason: `Asked by ${subject.markers.email} on the phone` });
      assert.equal(replay.status, 200);
      assert.equal(replay.headers.get('idempotent-replayed'), 'true');
      const { rows: events } = await api.db.query('SELECT 1 FROM events WHERE topic = $1', [`customer:${subject.id}`]);
      assert.equal(events.length, 1, 'customer.erased is published once');
    });

    test('reviews: "delete" removes them; the points they earned stay', async () => {
      const other = await markedCustomer(api);
      const balance = (await orderFigures(other.id))?.points;
      const erased = await call<CustomerErasure>(api, 'POST', `/v1/customers/${other.id}/erase`, api.headers.sk, { reviews: 'delete' });
      assert.equal(erased.counts.reviewsDeleted, 2);
      assert.equal(erased.counts.reviewsAnonymised, 0);
      assert.equal((await api.db.query('SELECT 1 FROM feedback WHERE id = $1', [other.reviewId])).rows.length, 0);
      const { rows } = await api.db.query<{ feedback_id: string | null }>("SELECT feedback_id FROM loyalty_ledger WHERE customer_id = $1 AND reason = 'review'", [other.id]);
      assert.deepEqual(rows, [{ feedback_id: null }], 'the review points stay, without the link');
      assert.equal((await orderFigures(other.id))?.points, balance);
      assert.deepEqual(await scanEveryColumn(api.db, Object.values(other.markers)), []);
      // The ledger is still append-only outside an erasure.
      await assert.rejects(api.db.query('UPDATE loyalty_ledger SET note = NULL WHERE customer_id = $1', [other.id]), /append-only/);
    });

    test('an organisation: its contacts are in the export, and unlinked (not erased) by its erasure', async () => {
      const sk = api.headers.sk;
      const org = await call<Customer>(api, 'POST', '/v1/customers', sk, { kind: 'organisation', name: 'Quillfeather Trading Ltd', ownerId: api.staffId }, 201);
      const contact = await call<Customer>(api, 'POST', '/v1/customers', sk, {
        kind: 'person', name: 'Ada Contact-Person', ownerId: api.staffId, organisationId: org.id, company: 'Quillfeather Trading Ltd', role: 'Buyer',
      }, 201);
      const document = await call<CustomerExport>(api, 'GET', `/v1/customers/${org.id}/export`, await everything(api));
      assert.deepEqual(document.contacts.map((x) => x.id), [contact.id]);
      const erased = await call<CustomerErasure>(api, 'POST', `/v1/customers/${org.id}/erase`, sk, { reviews: 'anonymise' });
      assert.equal(erased.counts.contactsUnlinked, 1);
      const after = await call<Customer>(api, 'GET', `/v1/customers/${contact.id}`, sk);
      assert.deepEqual([after.organisationId, after.company, after.name, after.role], [null, null, 'Ada Contact-Person', 'Buyer']);
      assert.equal(after.version, contact.version + 1);
      assert.deepEqual(await scanEveryColumn(api.db, ['Quillfeather']), []);
    });
  });
}
