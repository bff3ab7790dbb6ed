// Request and response shapes of the /v1 routes for customers (beyond the domain records).
import * as z from 'zod/mini';
import { Email, ExternalId, Id, LanguageTag, Phone, Timestamp, shortText } from './common.js';
import { ContactChannel, Customer, CustomerKind, RfmSegment, Tag } from './customer.js';
import { Cursor, page } from './page.js';

/** `tag` may be repeated (`?tag=a&tag=b`): always an array after parsing. */
const TagFilter = z.pipe(
  z.pipe(
    z.union([z.string(), z.array(z.string())]),
    z.transform((value: string | string[]) => (Array.isArray(value) ? value : [value])),
  ),
  z.array(Tag).check(z.minLength(1), z.maxLength(10)),
);

/** `true` / `false` in a query string. */
const queryBoolean = z.pipe(z.enum(['true', 'false']), z.transform((value) => value === 'true'));

/** `limit` as every list takes it (see `PageQuery`). */
const limit = z.optional(z.pipe(z.coerce.number(), z.int().check(z.minimum(1), z.maximum(100))));

/**
 * `GET /v1/customers`: every filter is optional and they combine (AND); a list ordered by
 * name, then id. `q` matches part of the name ignoring case and Latin accents ("zoe"
 * finds "Zoë"); Chinese is matched as typed. `tag` may repeat: the customer has them all.
 * Last contact is the newest interaction on the timeline; `lastContactBefore` includes
 * customers never contacted.
 */
export const CustomerListQuery = z
  .strictObject({
    cursor: z.optional(Cursor),
    limit,
    q: z.optional(shortText(100)),
    tag: z.optional(TagFilter),
    ownerId: z.optional(Id),
    segment: z.optional(RfmSegment),
    tierId: z.optional(Id),
    kind: z.optional(CustomerKind),
    organisationId: z.optional(Id),
    lastContactBefore: z.optional(Timestamp),
    lastContactAfter: z.optional(Timestamp),
  })
  .check(
    z.refine(
      (q) => q.lastContactBefore === undefined || q.lastContactAfter === undefined || Date.parse(q.lastContactAfter) < Date.parse(q.lastContactBefore),
      { message: 'lastContactAfter must be earlier than lastContactBefore', path: ['lastContactAfter'] },
    ),
  );
export type CustomerListQuery = z.infer<typeof CustomerListQuery>;

export const CustomerPage = page(Customer);
export type CustomerPage = z.infer<typeof CustomerPage>;

/** Query of lists without filters (an organisation's contacts). */
export const CustomerContactsQuery = z.strictObject({ cursor: z.optional(Cursor), limit });
export type CustomerContactsQuery = z.infer<typeof CustomerContactsQuery>;

const PHONE_KINDS: ReadonlySet<string> = new Set(['phone', 'mobile', 'sms', 'fax']);

/** Contact channels as a writer sends them: e-mail addresses and phone numbers must look like one. */
const Channels = z.array(ContactChannel).check(
  z.maxLength(20),
  z.superRefine((channels, ctx) => {
    channels.forEach((channel, i) => {
      const format = channel.kind === 'email' ? Email : PHONE_KINDS.has(channel.kind) ? Phone : null;
      if (format && !format.safeParse(channel.value).success) {
        ctx.issues.push({ code: 'custom', input: channel.value, path: [i, 'value'], message: `Must be ${channel.kind === 'email' ? 'an e-mail address' : 'a phone number'}` });
      }
    });
  }),
);

/** The editable profile fields of a customer (value, credit and loyalty are derived elsewhere). */
const profile = {
  externalId: z.optional(z.nullable(ExternalId)),
  company: z.optional(z.nullable(shortText(200))),
  organisationId: z.optional(z.nullable(Id)),
  role: z.optional(z.nullable(shortText(100))),
  channels: z.optional(Channels),
  tags: z.optional(z.array(Tag).check(z.maxLength(50))),
  locale: z.optional(z.nullable(LanguageTag)),
};

/** An organisation is nobody's contact and has no company or role of its own. */
const organisationShape = (c: { kind?: CustomerKind | undefined; company?: string | null | undefined; organisationId?: string | null | undefined; role?: string | null | undefined }) =>
  c.kind !== 'organisation' || (c.company == null && c.organisationId == null && c.role == null);
const ORGANISATION_SHAPE = { message: 'An organisation has no company, organisationId or role', path: ['kind'] };

/**
 * `POST /v1/customers`: a new person or organisation. `ownerId` defaults to the staff user
 * creating it (so they see it); the secret key leaves it empty unless given.
 */
export const CustomerCreate = z
  .strictObject({
    kind: CustomerKind,
    name: shortText(200),
    ownerId: z.optional(z.nullable(Id)),
    ...profile,
  })
  .check(z.refine(organisationShape, ORGANISATION_SHAPE));
export type CustomerCreate = z.infer<typeof CustomerCreate>;

/** `POST /v1/customers?allowDuplicate=true` creates a look-alike (same name and phone) anyway. */
export const CustomerCreateQuery = z.strictObject({ allowDuplicate: z.optional(queryBoolean) });
export type CustomerCreateQuery = z.infer<typeof CustomerCreateQuery>;

/**
 * `PATCH /v1/customers/:id` with `If-Match: "<version>"`: the fields given replace the
 * current ones (`null` clears). The owner changes through `/assign`, never here.
 */
export const CustomerPatch = z
  .strictObject({
    kind: z.optional(CustomerKind),
    name: z.optional(shortText(200)),
    ...profile,
  })
  .check(
    z.refine((p) => Object.keys(p).length > 0, { message: 'Send at least one field to change' }),
    z.refine(organisationShape, ORGANISATION_SHAPE),
  );
export type CustomerPatch = z.infer<typeof CustomerPatch>;

/** `POST /v1/customers/:id/merge`: fold `duplicateId` into this customer. */
export const CustomerMergeRequest = z.strictObject({ duplicateId: Id });
export type CustomerMergeRequest = z.infer<typeof CustomerMergeRequest>;

/** How many records a merge moved from the duplicate to the survivor. */
export const CustomerMergeMoved = z.strictObject({
  interactions: z.int(),
  orders: z.int(),
  feedback: z.int(),
  ledgerEntries: z.int(),
  loyaltyAccounts: z.int(),
  opportunities: z.int(),
  contacts: z.int(),
  shares: z.int(),
});
export type CustomerMergeMoved = z.infer<typeof CustomerMergeMoved>;

/** The survivor after a merge, the id that no longer exists, and what moved. */
export const CustomerMergeResult = z.strictObject({
  customer: Customer,
  mergedId: Id,
  moved: CustomerMergeMoved,
});
export type CustomerMergeResult = z.infer<typeof CustomerMergeResult>;

/** `POST /v1/customers/:id/assign`: transfer the customer to another staff user. */
export const CustomerAssignRequest = z.strictObject({ ownerId: Id });
export type CustomerAssignRequest = z.infer<typeof CustomerAssignRequest>;

/** The staff a customer is shared with (beyond its owner and their managers). */
export const CustomerShares = z.strictObject({
  customerId: Id,
  staffIds: z.array(Id),
});
export type CustomerShares = z.infer<typeof CustomerShares>;
