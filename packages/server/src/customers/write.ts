// Creating and updating customers: duplicate rules, versions, audit.
import type { Customer, CustomerCreate, CustomerPatch } from '@kith/schema';
import { audit } from '../audit/audit.js';
import type { Credential } from '../auth/credential.js';
import type { Queryable } from '../db/database.js';
import { customerUpdated } from '../events/customer-events.js';
import { ApiError, validationError } from '../http/errors.js';
import { canSeeCustomer, type Visibility } from '../visibility/visibility.js';
import { RULE_TEXT, findDuplicate, type Candidate, type DuplicateRule } from './duplicates.js';
import { checkOrganisation, checkOwner, isUniqueViolation, staleVersion, visibleCustomer } from './guards.js';
import { getCustomer } from './read.js';

/** The writable profile of a customer, as stored. */
type Profile = Pick<Customer, 'kind' | 'name' | 'externalId' | 'company' | 'organisationId' | 'role' | 'channels' | 'tags' | 'locale'>;

/** Names compare and sort as NFC; tags are a set. */
function normalised(p: Profile): Profile {
  return { ...p, name: p.name.normalize('NFC'), tags: [...new Set(p.tags)] };
}

/** 409 naming the rule; the existing record only if the viewer may see it (no leak across teams). */
async function duplicateConflict(q: Queryable, viewer: Visibility, match: { id: string; rule: DuplicateRule }): Promise<ApiError> {
  const visible = await canSeeCustomer(q, viewer, match.id);
  const current = visible ? await getCustomer(q, match.id) : null;
  const hint = match.rule === 'namePhone' ? ' Merge into it, or send ?allowDuplicate=true if this is another person.' : ' Update or merge into it instead.';
  const who = current ? `customer ${current.id}` : 'a customer outside your book (ask a manager)';
  return new ApiError(409, 'conflict', `Duplicate (${match.rule}): ${who} has ${RULE_TEXT[match.rule]}.${hint}`, current ? { current } : undefined);
}

/** An organisation is nobody's contact and has no company or role of its own. */
function checkShape(p: Profile): void {
  if (p.kind === 'organisation' && (p.company !== null || p.organisationId !== null || p.role !== null)) {
    throw validationError('An organisation has no company, organisationId or role', [{ path: ['kind'], message: 'An organisation has no company, organisationId or role' }]);
  }
}

/**
 * Creates a customer at version 1. Duplicates (same externalId, e-mail, or name + phone)
 * are refused with 409 and the existing record; `allowDuplicate` waives the name + phone
 * rule only — the other two are unique in the database.
 */
export async function createCustomer(
  q: Queryable,
  input: { credential: Credential; viewer: Visibility; body: CustomerCreate; allowDuplicate: boolean; now: Date },
): Promise<Customer> {
  const { credential, viewer, body, now } = input;
  const profile = normalised({
    kind: body.kind, name: body.name, externalId: body.externalId ?? null, company: body.company ?? null,
    organisationId: body.organisationId ?? null, role: body.role ?? null, channels: body.channels ?? [],
    tags: body.tags ?? [], locale: body.locale ?? null,
  });
  checkShape(profile);
  // Staff own what they create unless they give it to their team; the shop's server may leave it unowned.
  const ownerId = body.ownerId !== undefined ? body.ownerId : credential.kind === 'staff' ? credential.staffId : null;
  await checkOwner(q, credential, ownerId);
  await checkOrganisation(q, viewer, profile.organisationId);
  const candidate: Candidate = profile;
  const duplicate = await findDuplicate(q, candidate, { hardOnly: input.allowDuplicate });
  if (duplicate) throw await duplicateConflict(q, viewer, duplicate);

  // ON CONFLICT DO NOTHING: a concurrent create of the same externalId or e-mail waits for
  // the other transaction, then inserts nothing and is answered like any duplicate.
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO customers (kind, name, external_id, company, organisation_id, role, channels, tags, locale, owner_id, version, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::text[], $9, $10, 1, $11, $11)
     ON CONFLICT DO NOTHING RETURNING id`,
    [profile.kind, profile.name, profile.externalId, profile.company, profile.organisationId, profile.role,
      JSON.stringify(profile.channels), profile.tags, profile.locale, ownerId, now],
  );
  const id = rows[0]?.id;
  if (id === undefined) {
    const raced = await findDuplicate(q, candidate, { hardOnly: true });
    throw raced ? await duplicateConflict(q, viewer, raced) : new ApiError(409, 'conflict', 'A customer with these details was created meanwhile.');
  }
  const created = await visibleCustomer(q, { kind: 'all' }, id);
  await audit(q, credential, { action: 'customer.create', entity: 'customer', entityId: id, before: null, after: created }, now);
  return created;
}

/**
 * Applies a patch to the version the client saw. The row is locked first (`FOR UPDATE`), so
 * of two concurrent patches with one version the second waits, then finds a newer version
 * and gets 409 with the current record.
 */
export async function patchCustomer(
  q: Queryable,
  input: { credential: Credential; viewer: Visibility; id: string; expected: number; patch: CustomerPatch; now: Date },
): Promise<Customer> {
  const { credential, viewer, id, expected, patch, now } = input;
  await q.query('SELECT 1 FROM customers WHERE id = $1 FOR UPDATE', [id]);
  const before = await visibleCustomer(q, viewer, id);
  if (before.version !== expected) throw staleVersion(before, expected);

  const next = normalised({ ...pick(before), ...patch });
  checkShape(next);
  if (patch.organisationId !== undefined) await checkOrganisation(q, viewer, next.organisationId, id);
  if (patch.externalId !== undefined || patch.channels !== undefined) {
    const clash = await findDuplicate(q, next, { hardOnly: true, except: id });
    if (clash) throw await duplicateConflict(q, viewer, clash);
  }
  try {
    await q.query(
      `UPDATE customers SET kind = $2, name = $3, external_id = $4, company = $5, organisation_id = $6, role = $7,
              channels = $8::jsonb, tags = $9::text[], locale = $10, version = version + 1, updated_at = $11
        WHERE id = $1`,
      [id, next.kind, next.name, next.externalId, next.company, next.organisationId, next.role,
        JSON.stringify(next.channels), next.tags, next.locale, now],
    );
  } catch (error) {
    // Another transaction took the e-mail or externalId between the check and the write.
    if (isUniqueViolation(error)) throw new ApiError(409, 'conflict', 'Another customer took this e-mail address or externalId meanwhile.');
    throw error;
  }
  const after = await visibleCustomer(q, { kind: 'all' }, id);
  // Field names only: the topic's readers fetch the record (and may see all of it).
  const fields = (Object.keys(patch) as (keyof Profile)[]).filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]));
  await customerUpdated(q, id, { version: after.version, fields }, now);
  await audit(q, credential, { action: 'customer.update', entity: 'customer', entityId: id, before, after }, now);
  return after;
}

function pick(c: Customer): Profile {
  return {
    kind: c.kind, name: c.name, externalId: c.externalId, company: c.company, organisationId: c.organisationId,
    role: c.role, channels: c.channels, tags: c.tags, locale: c.locale,
  };
}
