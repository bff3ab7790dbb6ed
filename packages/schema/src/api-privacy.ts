// Request and response shapes of the /v1 privacy routes: a customer's data export
// (subject-access request) and erasure.
import * as z from 'zod/mini';
import { Id, Timestamp, shortText } from './common.js';
import { Customer, Tag } from './customer.js';
import { Order } from './order.js';
import { Interaction } from './interaction.js';
import { Opportunity } from './opportunity.js';
import { Feedback } from './feedback.js';
import { LoyaltyAccount } from './loyalty.js';
import { LedgerEntry } from './loyalty-ledger.js';
import { AuditRecord } from './api-audit.js';
import { KithEvent } from './event.js';
import { WebhookDelivery } from './api-webhooks.js';

/** The name an erased customer's record keeps (a tombstone, so orders and analytics still add up). */
export const ERASED_CUSTOMER_NAME = 'Erased customer';
/** The author name an anonymised review is shown with. */
export const ANONYMOUS_AUTHOR = 'Anonymous';
/** What replaces an erased text that a record must keep (an interaction's summary, a complaint's subject). */
export const ERASED_TEXT = '[erased]';
/**
 * An erased complaint's contact e-mail: a complaint must name an e-mail or a phone, and the
 * `.invalid` top-level domain (RFC 2606) can never receive mail.
 */
export const ERASED_EMAIL = 'erased@erased.invalid';

/** A staff user the customer is shared with (beyond their owner). */
export const CustomerShare = z.strictObject({
  staffId: Id,
  createdAt: Timestamp,
});
export type CustomerShare = z.infer<typeof CustomerShare>;

/** The format of {@link CustomerExport}; a later incompatible change gets a new number. */
export const CUSTOMER_EXPORT_FORMAT = 'kith.customer-export.v1';

/**
 * `GET /v1/customers/:id/export`: everything held about one customer, as one JSON document.
 * Each section holds the records as the API shows them elsewhere; lists are oldest first.
 */
export const CustomerExport = z.strictObject({
  format: z.literal(CUSTOMER_EXPORT_FORMAT),
  exportedAt: Timestamp,
  /** The customer record (a tombstone once erased). */
  customer: Customer,
  /** When the customer was erased; null while they are not. */
  erasedAt: z.nullable(Timestamp),
  /** An organisation's contact persons (empty for a person). */
  contacts: z.array(Customer),
  orders: z.array(Order),
  /** The timeline: notes, calls, messages, complaint answers (`refs.feedbackId`), stage changes. */
  interactions: z.array(Interaction),
  /** Deals in which they are the customer. */
  opportunities: z.array(Opportunity),
  /**
   * Their reviews, surveys and complaints, and complaints made without an account that give
   * one of their e-mail addresses or phone numbers as the contact.
   */
  feedback: z.array(Feedback),
  loyalty: z.strictObject({
    accounts: z.array(LoyaltyAccount),
    ledger: z.array(LedgerEntry),
  }),
  shares: z.array(CustomerShare),
  tags: z.array(Tag),
  /** Audit entries about them: on their record, by them, or whose before/after names them. */
  audit: z.array(AuditRecord),
  /** Live events on their topic (`customer:<id>`) or whose data names them. */
  events: z.array(KithEvent),
  /** Logged webhook deliveries whose body names them. */
  webhookDeliveries: z.array(WebhookDelivery),
});
export type CustomerExport = z.infer<typeof CustomerExport>;

/** What erasure does with the customer's reviews. */
export const ErasedReviews = z.enum(['anonymise', 'delete']);
export type ErasedReviews = z.infer<typeof ErasedReviews>;

/**
 * `POST /v1/customers/:id/erase`. `reviews`: `anonymise` keeps them (author "Anonymous", no
 * link to the customer, their name, e-mail and phone removed from the text) so ratings still
 * add up; `delete` removes them. `reason` is recorded in the audit trail (the customer's own
 * name, e-mail or phone are removed from it: do not put personal data there).
 */
export const CustomerEraseRequest = z.strictObject({
  reviews: ErasedReviews,
  reason: z.optional(shortText(500)),
});
export type CustomerEraseRequest = z.infer<typeof CustomerEraseRequest>;

const count = z.int().check(z.minimum(0));

/** How many records one erasure changed or removed (0 everywhere on a repeat with nothing new). */
export const ErasureCounts = z.strictObject({
  /** Interactions whose summary and body were erased (theirs) or cleared of their details (others'). */
  interactions: count,
  /** Surveys and complaints whose texts and contact were erased. */
  feedback: count,
  reviewsAnonymised: count,
  reviewsDeleted: count,
  /** Review texts and replies of others cleared of their details. */
  otherFeedback: count,
  ledgerNotes: count,
  /** Deals whose title named them. */
  opportunities: count,
  /** An erased organisation's contact persons, now without it. */
  contactsUnlinked: count,
  /** Audit entries whose before/after were redacted to null (who, what and when are kept). */
  auditEntries: count,
  idempotencyKeys: count,
  events: count,
  webhookDeliveries: count,
});
export type ErasureCounts = z.infer<typeof ErasureCounts>;

/** The answer to an erasure: the tombstone, when it was first erased, and what changed now. */
export const CustomerErasure = z.strictObject({
  customer: Customer,
  erasedAt: Timestamp,
  /** True when the customer had been erased before (the request is then a repeat sweep). */
  alreadyErased: z.boolean(),
  reviews: ErasedReviews,
  counts: ErasureCounts,
});
export type CustomerErasure = z.infer<typeof CustomerErasure>;
