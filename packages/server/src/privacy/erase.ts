// Erasure of one customer's personal data, in the write's one transaction.
import {
  ANONYMOUS_AUTHOR, ERASED_CUSTOMER_NAME, ERASED_EMAIL, ERASED_TEXT,
  type CustomerErasure, type CustomerEraseRequest, type ErasureCounts,
} from '@kith/schema';
import { audit } from '../audit/audit.js';
import type { Credential } from '../auth/credential.js';
import type { Queryable, SqlValue } from '../db/database.js';
import { getCustomer } from '../customers/read.js';
import { publishEvent } from '../events/publish.js';
import { ApiError } from '../http/errors.js';
import { lockValues } from '../ingestion/values.js';
import { must } from '../util/must.js';
import { canSeeCustomer, type Visibility } from '../visibility/visibility.js';
import { readSubject, type DataSubject } from './subject.js';

/** Runs an UPDATE/DELETE … RETURNING 1 and counts the rows it touched. */
async function count(q: Queryable, sql: string, params: readonly SqlValue[]): Promise<number> {
  return (await q.query(sql, params)).rows.length;
}

// Scrubbed texts are cut to their schema's maximum (`left(…, n)`): `[erased]` is longer than
// a two-character name it may replace, and a record must still read back valid.

/** Audit actions that record privacy requests themselves: they hold counts, never personal data. */
const PRIVACY_ACTIONS = ['customer.erase', 'customer.export'];

/**
 * Removes or anonymises every piece of personal data about the customer, everywhere,
 * keeping the customer row as a tombstone so orders, value figures, balances and
 * references stay whole. Safe to repeat: a repeat sweeps again (anything added since goes
 * too) and answers with the first erasure's time. Every step is one statement over the
 * rows that still need it, so the counts say what changed this time.
 */
export async function eraseCustomer(
  tx: Queryable,
  input: { credential: Credential; viewer: Visibility; customerId: string; request: CustomerEraseRequest; now: Date },
): Promise<CustomerErasure> {
  const { credential, viewer, customerId: id, request, now } = input;
  // Ingestion and merges take this lock before customer rows (ingestion/values.ts): taking
  // it first too means an erasure never deadlocks with them.
  await lockValues(tx);
  if (!(await canSeeCustomer(tx, viewer, id))) throw new ApiError(404, 'not_found', `No customer with id ${id}.`);
  const subject = must(await readSubject(tx, id, { lock: true }), `customer ${id}`);
  const p = subject.erasePatterns;

  const reviews = await eraseReviews(tx, subject, request.reviews, now);
  const counts: ErasureCounts = {
    interactions: await eraseInteractions(tx, subject),
    feedback: await eraseFeedback(tx, subject, now),
    reviewsAnonymised: reviews.anonymised,
    reviewsDeleted: reviews.deleted,
    otherFeedback: await count(
      tx,
      `UPDATE feedback SET title = left(kith_scrub(title, $1, $3), 150), body = left(kith_scrub(body, $1, $3), 5000),
              subject = left(kith_scrub(subject, $1, $3), 150), reply_body = left(kith_scrub(reply_body, $1, $3), 5000),
              rejection_reason = left(kith_scrub(rejection_reason, $1, $3), 300), updated_at = $2
        WHERE kith_mentions(title, $1) OR kith_mentions(body, $1) OR kith_mentions(subject, $1)
           OR kith_mentions(reply_body, $1) OR kith_mentions(rejection_reason, $1)
       RETURNING 1`,
      [p, now, ERASED_TEXT],
    ),
    ledgerNotes: reviews.ledgerNotes,
    opportunities: await count(
      tx,
      `UPDATE opportunities SET title = left(kith_scrub(title, $1, $3), 200), version = version + 1, updated_at = $2
        WHERE kith_mentions(title, $1) RETURNING 1`,
      [p, now, ERASED_TEXT],
    ),
    contactsUnlinked: await count(
      tx,
      `UPDATE customers SET organisation_id = NULL, company = CASE WHEN kith_mentions(company, $2) THEN NULL ELSE company END,
              version = version + 1, updated_at = $3
        WHERE organisation_id = $1 RETURNING 1`,
      [id, p, now],
    ),
    // Who did what and when stays; the records as they were go.
    auditEntries: await count(
      tx,
      `UPDATE audit_log SET before = NULL, after = NULL
        WHERE (before IS NOT NULL OR after IS NOT NULL) AND action <> ALL($3::text[])
          AND (entity_id = $1 OR (actor_kind = 'customer' AND actor_id = $1)
               OR kith_mentions(before::text, $2) OR kith_mentions(after::text, $2))
       RETURNING 1`,
      [id, p, PRIVACY_ACTIONS],
    ),
    // Completed keys only: this request's own claim (status still null) stores the answer
    // below. Erasure answers (a tombstone and counts) stay, so a retry still replays.
    idempotencyKeys: await count(
      tx,
      `DELETE FROM idempotency_keys
        WHERE status IS NOT NULL AND path <> $2
          AND (kith_mentions(subject || ' ' || path, $1) OR kith_mentions(body::text, $1))
       RETURNING 1`,
      [p, `/v1/customers/${id}/erase`],
    ),
    // `customer.erased` itself names nothing but the id: it stays, so a repeat changes nothing.
    events: await count(
      tx,
      `DELETE FROM events WHERE type <> 'customer.erased' AND (topic = $1 OR kith_mentions(data::text, $2)) RETURNING 1`,
      [`customer:${id}`, p],
    ),
    // Pending ones too: a receiver must not get their data after the erasure.
    webhookDeliveries: await count(
      tx,
      `DELETE FROM webhook_deliveries WHERE event_type <> 'customer.erased' AND kith_mentions(payload::text, $1) RETURNING 1`,
      [p],
    ),
  };
  await tombstone(tx, id, now);

  const erasedAt = subject.erasedAt ?? now;
  const alreadyErased = subject.erasedAt !== null;
  const reason = request.reason === undefined ? null : await scrub(tx, request.reason, p);
  await audit(tx, credential, {
    action: 'customer.erase', entity: 'customer', entityId: id, before: null,
    after: { reviews: request.reviews, reason, alreadyErased, counts },
  }, now);
  if (!alreadyErased) {
    await publishEvent(tx, { topic: `customer:${id}`, type: 'customer.erased', audience: 'staff', data: { customerId: id, erasedAt: erasedAt.toISOString() } }, now);
  }
  const customer = must(await getCustomer(tx, id), `customer ${id}`);
  return { customer, erasedAt: erasedAt.toISOString(), alreadyErased, reviews: request.reviews, counts };
}

/**
 * Their reviews — and reviews written without an account that left one of their e-mail
 * addresses: anonymised (author "Anonymous", no customer, order or e-mail, their details
 * removed from the texts) or deleted. Either way the ledger forgets which review earned
 * points (the points stay), and every ledger note of theirs is cleared — the one change
 * the ledger allows, inside `kith.erase` (migration 0013).
 */
async function eraseReviews(tx: Queryable, subject: DataSubject, mode: CustomerEraseRequest['reviews'], now: Date) {
  const { rows } = await tx.query<{ id: string }>(
    `SELECT id FROM feedback
      WHERE kind = 'review' AND (customer_id = $1 OR (customer_id IS NULL AND lower(contact_email) = ANY($2::text[])))`,
    [subject.id, subject.emails],
  );
  const ids = rows.map((r) => r.id);
  await tx.query("SELECT set_config('kith.erase', 'on', true)");
  await tx.query('UPDATE loyalty_ledger SET feedback_id = NULL WHERE feedback_id = ANY($1::uuid[])', [ids]);
  const ledgerNotes = await count(tx, 'UPDATE loyalty_ledger SET note = NULL WHERE customer_id = $1 AND note IS NOT NULL RETURNING 1', [subject.id]);
  await tx.query("SELECT set_config('kith.erase', 'off', true)");
  if (mode === 'delete') {
    const deleted = await count(tx, 'DELETE FROM feedback WHERE id = ANY($1::uuid[]) RETURNING 1', [ids]);
    return { anonymised: 0, deleted, ledgerNotes };
  }
  // Their timeline entries about the review would link it back to them.
  await tx.query('UPDATE interactions SET feedback_id = NULL WHERE feedback_id = ANY($1::uuid[])', [ids]);
  const anonymised = await count(
    tx,
    `UPDATE feedback SET author_name = $2, customer_id = NULL, order_id = NULL, contact_email = NULL,
            title = left(kith_scrub(title, $3, $5), 150), body = left(kith_scrub(body, $3, $5), 5000),
            reply_body = left(kith_scrub(reply_body, $3, $5), 5000), rejection_reason = left(kith_scrub(rejection_reason, $3, $5), 300),
            updated_at = $4
      WHERE id = ANY($1::uuid[]) RETURNING 1`,
    [ids, ANONYMOUS_AUTHOR, subject.erasePatterns, now, ERASED_TEXT],
  );
  return { anonymised, deleted: 0, ledgerNotes };
}

/** Their timeline loses its texts (kind, channel and time stay); others' entries lose their details. */
async function eraseInteractions(tx: Queryable, subject: DataSubject): Promise<number> {
  const own = await count(
    tx,
    `UPDATE interactions SET summary = $2, body = NULL
      WHERE customer_id = $1 AND (summary <> $2 OR body IS NOT NULL) RETURNING 1`,
    [subject.id, ERASED_TEXT],
  );
  const others = await count(
    tx,
    `UPDATE interactions SET summary = left(kith_scrub(summary, $2, $3), 300), body = left(kith_scrub(body, $2, $3), 10000)
      WHERE customer_id <> $1 AND (kith_mentions(summary, $2) OR kith_mentions(body, $2)) RETURNING 1`,
    [subject.id, subject.erasePatterns, ERASED_TEXT],
  );
  return own + others;
}

/**
 * Their surveys (the comment) and complaints (subject, body, contact, the shop's answer), and complaints made
 * without an account that give their e-mail or phone: the scores, categories, statuses and
 * deadlines stay for the statistics. A complaint must keep an e-mail or a phone, so its
 * contact becomes `ERASED_EMAIL`, an address that can never receive mail.
 */
async function eraseFeedback(tx: Queryable, subject: DataSubject, now: Date): Promise<number> {
  return count(
    tx,
    `UPDATE feedback f SET body = n.body, subject = n.subject, contact_name = n.contact_name,
            contact_email = n.contact_email, contact_phone = NULL, reply_body = n.reply_body, updated_at = $6
       FROM (SELECT id,
                    -- The shop's answer to their complaint speaks of what they wrote; it goes too.
                    CASE WHEN reply_body IS NOT NULL THEN $4 END AS reply_body,
                    CASE WHEN kind = 'survey' THEN NULL ELSE $4 END AS body,
                    CASE WHEN kind = 'complaint' THEN $4 END AS subject,
                    CASE WHEN kind = 'complaint' THEN $5 END AS contact_name,
                    CASE WHEN kind = 'complaint' THEN $7 END AS contact_email
               FROM feedback
              WHERE kind IN ('survey', 'complaint')
                AND (customer_id = $1 OR (kind = 'complaint' AND customer_id IS NULL
                     AND (lower(contact_email) = ANY($2::text[]) OR kith_phone_digits(contact_phone) = ANY($3::text[]))))) n
      WHERE f.id = n.id
        AND (f.body IS DISTINCT FROM n.body OR f.subject IS DISTINCT FROM n.subject OR f.contact_name IS DISTINCT FROM n.contact_name
             OR f.contact_email IS DISTINCT FROM n.contact_email OR f.contact_phone IS NOT NULL
             OR f.reply_body IS DISTINCT FROM n.reply_body)
     RETURNING 1`,
    [subject.id, subject.emails, subject.phoneDigits, ERASED_TEXT, ERASED_CUSTOMER_NAME, now, ERASED_EMAIL],
  );
}

/**
 * The customer row keeps its id, kind, owner, currency, value figures and times; the rest
 * is cleared (credit too: a person's credit rating is about them). The version moves only
 * when something changed, so a repeat leaves an untouched tombstone as it was.
 */
async function tombstone(tx: Queryable, id: string, now: Date): Promise<void> {
  await tx.query(
    `UPDATE customers SET name = $2, external_id = NULL, company = NULL, organisation_id = NULL, role = NULL,
            channels = '[]'::jsonb, tags = '{}', locale = NULL, credit_limit = NULL, credit_used = NULL, credit_rating = NULL,
            erased_at = COALESCE(erased_at, $3), version = version + 1, updated_at = $3
      WHERE id = $1
        AND (erased_at IS NULL OR name <> $2 OR external_id IS NOT NULL OR company IS NOT NULL OR organisation_id IS NOT NULL
             OR role IS NOT NULL OR channels <> '[]'::jsonb OR cardinality(tags) > 0 OR locale IS NOT NULL OR credit_limit IS NOT NULL)`,
    [id, ERASED_CUSTOMER_NAME, now],
  );
}

async function scrub(tx: Queryable, text: string, patterns: readonly string[]): Promise<string> {
  const { rows } = await tx.query<{ text: string }>('SELECT left(kith_scrub($1, $2, $3), 500) AS text', [text, patterns, ERASED_TEXT]);
  return must(rows[0], 'the scrubbed text').text;
}
