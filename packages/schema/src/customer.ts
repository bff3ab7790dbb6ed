import * as z from 'zod/mini';
import { BasisPoints, ExternalId, Id, LanguageTag, Money, SignedMoney, Timestamp, shortText } from './common.js';
// interaction.ts imports only common.ts, so this import makes no cycle.
import { InteractionChannel, InteractionType } from './interaction.js';

/** A person, or an organisation that has people as contacts. */
export const CustomerKind = z.enum(['person', 'organisation']);
export type CustomerKind = z.infer<typeof CustomerKind>;

/** Ways a customer can be reached; the same words as interaction channels where they overlap. */
export const ContactChannelKind = z.enum(['email', 'phone', 'mobile', 'sms', 'fax', 'social', 'address']);
export type ContactChannelKind = z.infer<typeof ContactChannelKind>;

/** One way to reach a customer. */
export const ContactChannel = z.strictObject({
  kind: ContactChannelKind,
  value: shortText(320),
  /** The channel the customer prefers for this kind. */
  preferred: z.boolean(),
});
export type ContactChannel = z.infer<typeof ContactChannel>;

/** A tag a shop or a salesperson puts on a customer. */
export const Tag = shortText(50);
export type Tag = z.infer<typeof Tag>;

/** RFM scores, each 1 (worst) to 5 (best). */
export const RfmScores = z.strictObject({
  recency: z.int().check(z.minimum(1), z.maximum(5)),
  frequency: z.int().check(z.minimum(1), z.maximum(5)),
  monetary: z.int().check(z.minimum(1), z.maximum(5)),
});
export type RfmScores = z.infer<typeof RfmScores>;

/** The segment a customer's RFM scores put them in. */
export const RfmSegment = z.enum([
  'champion',
  'loyal',
  'potential',
  'new',
  'promising',
  'needs_attention',
  'at_risk',
  'cannot_lose',
  'hibernating',
  'lost',
]);
export type RfmSegment = z.infer<typeof RfmSegment>;

/** Churn risk: recency measured against the customer's own purchase cadence. */
export const ChurnRisk = z.strictObject({
  level: z.enum(['low', 'medium', 'high']),
  /** Estimated probability of churn in basis points. */
  score: BasisPoints,
});
export type ChurnRisk = z.infer<typeof ChurnRisk>;

/** What a customer is worth to the shop. */
export const CustomerValue = z.strictObject({
  lifetimeValue: Money,
  orderCount: z.int().check(z.minimum(0)),
  firstOrderAt: z.nullable(Timestamp),
  lastOrderAt: z.nullable(Timestamp),
  rfm: z.nullable(RfmScores),
  segment: z.nullable(RfmSegment),
  /** Top 20 % by lifetime value (the 80/20 rule): priority service. */
  keyAccount: z.boolean(),
  churnRisk: z.nullable(ChurnRisk),
});
export type CustomerValue = z.infer<typeof CustomerValue>;

/** Credit the shop extends to the customer. */
export const Credit = z.strictObject({
  limit: Money,
  used: SignedMoney,
  rating: z.enum(['A', 'B', 'C', 'D', 'E']),
});
export type Credit = z.infer<typeof Credit>;

/** The customer's loyalty standing, as shown on a card (the account itself lives in loyalty). */
export const CustomerLoyaltySummary = z.strictObject({
  programId: Id,
  tierId: z.nullable(Id),
  tierName: z.nullable(shortText(80)),
  /** Current balance, derived from the ledger. */
  points: z.int(),
});
export type CustomerLoyaltySummary = z.infer<typeof CustomerLoyaltySummary>;

/**
 * When and how the customer and the shop last spoke (`Customer.lastContact`): the kind and
 * time of one interaction, never its summary or body — a customer token reads its own
 * record, and timeline text may be staff-internal.
 */
export const LastContact = z.strictObject({
  at: Timestamp,
  channel: InteractionChannel,
  direction: z.enum(['inbound', 'outbound']),
  type: InteractionType,
});
export type LastContact = z.infer<typeof LastContact>;

/** A customer as the API returns it. */
export const Customer = z.strictObject({
  id: Id,
  externalId: z.nullable(ExternalId),
  kind: CustomerKind,
  name: shortText(200),
  /** The company a person works for; null for organisations and private persons. */
  company: z.nullable(shortText(200)),
  /** For a contact person: the organisation customer they belong to. */
  organisationId: z.nullable(Id),
  /** For a contact person: their role at the organisation (buyer, CFO). */
  role: z.nullable(shortText(100)),
  channels: z.array(ContactChannel).check(z.maxLength(20)),
  /** The staff member who owns the relationship (account manager). */
  ownerId: z.nullable(Id),
  tags: z.array(Tag).check(z.maxLength(50)),
  locale: z.nullable(LanguageTag),
  value: CustomerValue,
  credit: z.nullable(Credit),
  loyalty: z.nullable(CustomerLoyaltySummary),
  /**
   * The latest contact between the customer and the shop (by when it occurred) — an
   * `inbound` or `outbound` interaction of any type but `order`, `points` and `stage_change`
   * (those are transactions, not contact) — or null when there has been none. Derived from
   * the timeline when read: recording an interaction changes neither `version` nor `updatedAt`.
   */
  lastContact: z.nullable(LastContact),
  /** Increments on every change; send it back in `If-Match` to update safely. */
  version: z.int().check(z.minimum(1)),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Customer = z.infer<typeof Customer>;
