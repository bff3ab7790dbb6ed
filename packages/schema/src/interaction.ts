import * as z from 'zod/mini';
import { Id, Timestamp, longText, shortText } from './common.js';

/** The channel an interaction came through or went out on. */
export const InteractionChannel = z.enum(['phone', 'email', 'web', 'mobile', 'sms', 'chat', 'visit', 'fax', 'social']);
export type InteractionChannel = z.infer<typeof InteractionChannel>;

/** What happened: written by staff (note, call, meeting) or recorded by Kith (order, points…). */
export const InteractionType = z.enum([
  'note',
  'call',
  'meeting',
  'order',
  'ticket',
  'complaint',
  'review',
  'survey',
  'points',
  'stage_change',
  'notification',
]);
export type InteractionType = z.infer<typeof InteractionType>;

/** From the customer (`inbound`), to the customer (`outbound`), or among staff (`internal`). */
export const InteractionDirection = z.enum(['inbound', 'outbound', 'internal']);
export type InteractionDirection = z.infer<typeof InteractionDirection>;

/** The phase of the relationship, so the timeline can show the pre-sale → after-sale path. */
export const InteractionPhase = z.enum(['pre_sale', 'sale', 'after_sale']);
export type InteractionPhase = z.infer<typeof InteractionPhase>;

/** Records an interaction is about; the timeline links to them. */
export const InteractionRefs = z.strictObject({
  orderId: z.optional(z.nullable(Id)),
  opportunityId: z.optional(z.nullable(Id)),
  feedbackId: z.optional(z.nullable(Id)),
});
export type InteractionRefs = z.infer<typeof InteractionRefs>;

/** One event on a customer's timeline, from any channel. */
export const Interaction = z.strictObject({
  id: Id,
  customerId: Id,
  channel: InteractionChannel,
  type: InteractionType,
  direction: InteractionDirection,
  phase: InteractionPhase,
  /** One line for the timeline: "Called about the late delivery". */
  summary: shortText(300),
  body: z.nullable(longText()),
  /** The staff member who acted; null for what the customer or the system did. */
  staffId: z.nullable(Id),
  /** When it happened, which may be before it was recorded (a call logged afterwards). */
  occurredAt: Timestamp,
  createdAt: Timestamp,
  refs: z.optional(InteractionRefs),
});
export type Interaction = z.infer<typeof Interaction>;

/**
 * What a client sends to record an interaction; `occurredAt` defaults to now on the server.
 * Derived from `Interaction` so the two cannot drift apart.
 */
export const NewInteraction = z.extend(z.omit(Interaction, { id: true, createdAt: true }), {
  occurredAt: z.optional(Timestamp),
});
export type NewInteraction = z.infer<typeof NewInteraction>;
