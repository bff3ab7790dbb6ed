import * as z from 'zod/mini';
import { Timestamp } from './common.js';
import { TOPIC_PATTERN } from './topic-pattern.js';

/**
 * A live-update topic: one customer's record and activity, one pipeline's board, one
 * product's public reviews (by Kith's product id), or the staff feedback inbox.
 */
export const Topic = z.string().check(
  z.regex(TOPIC_PATTERN, 'Must be customer:<id>, pipeline:<id>, product:<id> or inbox'),
);
export type Topic = z.infer<typeof Topic>;

/**
 * What happened. The same names are the webhook event names. `complaint.due_soon` fires
 * two hours before a complaint's 24-hour deadline, `complaint.overdue` when it passes.
 */
export const EventType = z.enum([
  'customer.updated',
  'customer.merged',
  'customer.erased',
  'interaction.created',
  'opportunity.created',
  'opportunity.updated',
  'opportunity.moved',
  'opportunity.deleted',
  'review.created',
  'review.moderated',
  'review.published',
  'review.replied',
  'survey.answered',
  'complaint.created',
  'complaint.updated',
  'complaint.answered',
  'complaint.due_soon',
  'complaint.overdue',
  'order.ingested',
  'loyalty.changed',
  'product.updated',
]);
export type EventType = z.infer<typeof EventType>;

/**
 * Who may receive an event on a topic they are allowed to read: `public` (anyone,
 * publishable keys included), `customer` (that customer's own token, staff and the shop's
 * server), `staff` (staff tokens and the shop's server only).
 */
export const EventAudience = z.enum(['public', 'customer', 'staff']);
export type EventAudience = z.infer<typeof EventAudience>;

/**
 * One live update, as an SSE message (`id:` is `id`, `event:` is `type`, `data:` is this
 * object as JSON) and as a webhook body. `id` is a decimal sequence number: resume a
 * stream with `Last-Event-ID`. `data` carries the record's new state or a reference to it.
 */
export const KithEvent = z.strictObject({
  id: z.string().check(z.regex(/^[1-9]\d{0,18}$/)),
  topic: Topic,
  type: EventType,
  at: Timestamp,
  data: z.record(z.string(), z.unknown()),
});
export type KithEvent = z.infer<typeof KithEvent>;

/** `GET /v1/events?topic=…&topic=…`: at most 20 topics per stream. */
export const EventsQuery = z.strictObject({
  topic: z.union([Topic, z.array(Topic).check(z.minLength(1), z.maxLength(20))]),
});
export type EventsQuery = z.infer<typeof EventsQuery>;

/** The SSE `event:` the server sends before it closes a stream, and why. */
export const StreamEnd = z.strictObject({
  reason: z.enum(['token_expired', 'key_revoked', 'server_closing']),
});
export type StreamEnd = z.infer<typeof StreamEnd>;
