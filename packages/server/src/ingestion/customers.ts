import type { IngestCustomer } from '@kith/schema';
import type { Queryable } from '../db/database.js';
import { customerUpdated } from '../events/customer-events.js';
import { ItemError } from './item-error.js';

/** The e-mail the generated `customers.email` column will hold: the preferred e-mail channel, else the first. */
export function emailOf(channels: IngestCustomer['channels']): string | null {
  const emails = (channels ?? []).filter((channel) => channel.kind === 'email');
  return (emails.find((channel) => channel.preferred) ?? emails[0])?.value ?? null;
}

interface Match {
  id: string;
  external_id: string | null;
}

const byExternalId = async (tx: Queryable, externalId: string) =>
  (await tx.query<Match>('SELECT id, external_id FROM customers WHERE external_id = $1 FOR UPDATE', [externalId])).rows[0] ?? null;
// `email` is lower-case already (generated); the input is lowered by the same SQL function.
const byEmail = async (tx: Queryable, email: string) =>
  (await tx.query<Match>('SELECT id, external_id FROM customers WHERE email = lower($1) FOR UPDATE', [email])).rows[0] ?? null;

/** The customer an ingested one is: by `externalId`, else by e-mail; null when new. */
async function match(tx: Queryable, input: IngestCustomer, email: string | null): Promise<Match | null> {
  const found = input.externalId !== undefined ? await byExternalId(tx, input.externalId) : null;
  const sameEmail = email !== null ? await byEmail(tx, email) : null;
  if (found) {
    if (sameEmail && sameEmail.id !== found.id) {
      throw new ItemError(409, { path: ['channels'], message: 'This e-mail address belongs to another customer.' });
    }
    return found;
  }
  if (sameEmail && sameEmail.external_id !== null && input.externalId !== undefined) {
    throw new ItemError(409, { path: ['channels'], message: `This e-mail address belongs to the customer with externalId ${sameEmail.external_id}.` });
  }
  if (!sameEmail && input.externalId === undefined && email === null) {
    throw new ItemError(400, { path: ['externalId'], message: 'Give an externalId or an e-mail channel to match the customer by.' });
  }
  return sameEmail;
}

/** The references an item makes must exist: its owner (staff) and organisation. */
async function checkReferences(tx: Queryable, input: IngestCustomer, selfId: string | null): Promise<void> {
  if (input.ownerId) {
    const { rows } = await tx.query('SELECT 1 FROM staff WHERE id = $1', [input.ownerId]);
    if (rows.length === 0) throw new ItemError(400, { path: ['ownerId'], message: 'No staff member with this id.' });
  }
  if (input.organisationId) {
    const { rows } = await tx.query("SELECT 1 FROM customers WHERE id = $1 AND kind = 'organisation' AND id IS DISTINCT FROM $2::uuid", [
      input.organisationId, selfId,
    ]);
    if (rows.length === 0) throw new ItemError(400, { path: ['organisationId'], message: 'No other organisation customer with this id.' });
  }
}

/** The profile columns an upsert writes, from `customers`. */
export interface Profile {
  external_id: string | null;
  kind: string;
  name: string;
  company: string | null;
  organisation_id: string | null;
  role: string | null;
  channels: unknown;
  owner_id: string | null;
  tags: string[];
  locale: string | null;
}

/** The input over `current` (or the defaults of a new customer): a field left out keeps its value. */
function merge(input: IngestCustomer, current: Profile | null): Profile {
  const pick = <T>(value: T | undefined, fallback: T): T => (value === undefined ? fallback : value);
  return {
    external_id: pick(input.externalId, current?.external_id ?? null),
    kind: pick(input.kind, current?.kind ?? 'person'),
    name: input.name,
    company: pick(input.company, current?.company ?? null),
    organisation_id: pick(input.organisationId, current?.organisation_id ?? null),
    role: pick(input.role, current?.role ?? null),
    channels: pick(input.channels, current?.channels ?? []),
    owner_id: pick(input.ownerId, current?.owner_id ?? null),
    tags: pick(input.tags, current?.tags ?? []),
    locale: pick(input.locale, current?.locale ?? null),
  };
}

const params = (p: Profile) => [
  p.external_id, p.kind, p.name, p.company, p.organisation_id, p.role, JSON.stringify(p.channels), p.owner_id, p.tags, p.locale,
];

/** The result of an upsert, with the profile before and after (for the audit log). */
export interface Upserted {
  id: string;
  created: boolean;
  changed: boolean;
  before: Profile | null;
  after: Profile;
}

/**
 * Upserts one customer (see `IngestCustomer`). Re-sending the same data changes nothing:
 * `version` and `updated_at` move only when a column really changes. Returns the id,
 * whether it was created, and whether anything changed.
 */
export async function upsertCustomer(
  tx: Queryable,
  input: IngestCustomer,
  now: Date,
  attempt = 0,
): Promise<Upserted> {
  const email = emailOf(input.channels);
  const found = await match(tx, input, email);
  await checkReferences(tx, input, found?.id ?? null);
  if (!found) {
    // The match above cannot lock a row that does not exist yet: when a concurrent write
    // inserts the same customer first, this insert does nothing and the update path runs.
    const after = merge(input, null);
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO customers (external_id, kind, name, company, organisation_id, role, channels, owner_id, tags, locale, currency, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9::text[], $10, $11, $12, $12)
       ON CONFLICT DO NOTHING RETURNING id`,
      [...params(after), input.currency ?? 'EUR', now],
    );
    const id = rows[0]?.id;
    if (id) return { id, created: true, changed: true, before: null, after };
    if (attempt > 0) throw new Error('customer upsert: insert conflicted twice');
    return upsertCustomer(tx, input, now, attempt + 1);
  }
  const { rows: current } = await tx.query<Profile>(
    'SELECT external_id, kind, name, company, organisation_id, role, channels, owner_id, tags, locale FROM customers WHERE id = $1',
    [found.id],
  );
  const before = current[0] ?? null;
  const next = merge(input, before);
  const { rows } = await tx.query<{ id: string; version: number }>(
    `UPDATE customers c SET external_id = $2, kind = $3, name = $4, company = $5, organisation_id = $6, role = $7,
        channels = $8::jsonb, owner_id = $9, tags = $10::text[], locale = $11, version = c.version + 1, updated_at = $12
      WHERE c.id = $1 AND (c.external_id, c.kind, c.name, c.company, c.organisation_id, c.role, c.channels, c.owner_id, c.tags, c.locale)
        IS DISTINCT FROM ($2::text, $3::text, $4::text, $5::text, $6::uuid, $7::text, $8::jsonb, $9::uuid, $10::text[], $11::text)
      RETURNING c.id, c.version`,
    [found.id, ...params(next), now],
  );
  const updated = rows[0];
  // An open customer card hears about the shop's sync as about a staff edit.
  if (updated) await customerUpdated(tx, found.id, { version: updated.version, fields: changedFields(before, next) }, now);
  return { id: found.id, created: false, changed: updated !== undefined, before, after: next };
}

/** The profile columns that differ (as API field names), for the `customer.updated` event. */
function changedFields(before: Profile | null, after: Profile): string[] {
  const names: Record<keyof Profile, string> = {
    external_id: 'externalId', kind: 'kind', name: 'name', company: 'company', organisation_id: 'organisationId', role: 'role',
    channels: 'channels', owner_id: 'ownerId', tags: 'tags', locale: 'locale',
  };
  return (Object.keys(names) as (keyof Profile)[])
    .filter((column) => JSON.stringify(before?.[column] ?? null) !== JSON.stringify(after[column] ?? null))
    .map((column) => names[column]);
}
