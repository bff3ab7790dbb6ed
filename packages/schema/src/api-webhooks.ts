// Request and response shapes of the /v1/webhooks routes, and the body a receiver gets.
import * as z from 'zod/mini';
import { Id, Timestamp, WebUrl, shortText } from './common.js';
import { EventType, KithEvent } from './event.js';
import { PageQuery, page } from './page.js';

/**
 * Where deliveries go: `http:` or `https:` (plain http is for a receiver on the shop's own
 * network or a test). Credentials in the URL (`https://user:pass@…`) are refused: they would
 * be shown in every answer and log line that names the URL; use the signature instead.
 */
export const WebhookUrl = WebUrl.check(
  z.refine((url) => {
    try {
      const parsed = new URL(url);
      return parsed.username === '' && parsed.password === '';
    } catch {
      return false;
    }
  }, 'Must not contain a user name or password'),
);
export type WebhookUrl = z.infer<typeof WebhookUrl>;

/** The event types an endpoint receives: at least one, each once. */
export const WebhookEventTypes = z.array(EventType).check(
  z.minLength(1, 'Subscribe to at least one event type'),
  z.maxLength(EventType.options.length),
  z.refine((types) => new Set(types).size === types.length, 'List each event type once'),
);
export type WebhookEventTypes = z.infer<typeof WebhookEventTypes>;

/** A note for people ("order sync", "complaints to the care team's helpdesk"). */
export const WebhookDescription = shortText(500);

/**
 * The signing secret: `whsec_` and 32 random bytes (base64url). Shown only in the answer
 * that creates or rotates it; keep it on the receiving server.
 */
export const WebhookSecret = z.string().check(z.regex(/^whsec_[A-Za-z0-9_-]{43}$/));
export type WebhookSecret = z.infer<typeof WebhookSecret>;

/** A registered endpoint, as every answer but creation and rotation shows it (no secret). */
export const WebhookEndpoint = z.strictObject({
  id: Id,
  url: WebhookUrl,
  events: WebhookEventTypes,
  description: z.nullable(WebhookDescription),
  /** An inactive endpoint is paused: no new deliveries are queued for it and queued ones wait. */
  active: z.boolean(),
  /** Until then a rotated-out secret still signs too (a second `v1=`); null when there is none. */
  previousSecretExpiresAt: z.nullable(Timestamp),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type WebhookEndpoint = z.infer<typeof WebhookEndpoint>;

/** The answer to creation and rotation: the endpoint and its signing secret, this once. */
export const WebhookEndpointWithSecret = z.strictObject({ ...WebhookEndpoint.shape, secret: WebhookSecret });
export type WebhookEndpointWithSecret = z.infer<typeof WebhookEndpointWithSecret>;

export const WebhookEndpointPage = page(WebhookEndpoint);
export type WebhookEndpointPage = z.infer<typeof WebhookEndpointPage>;

/** `POST /v1/webhooks`. */
export const CreateWebhookEndpoint = z.strictObject({
  url: WebhookUrl,
  events: WebhookEventTypes,
  description: z.optional(z.nullable(WebhookDescription)),
});
export type CreateWebhookEndpoint = z.infer<typeof CreateWebhookEndpoint>;

/** `PATCH /v1/webhooks/:id`: any of the fields; `description: null` clears it. */
export const UpdateWebhookEndpoint = z
  .strictObject({
    url: z.optional(WebhookUrl),
    events: z.optional(WebhookEventTypes),
    description: z.optional(z.nullable(WebhookDescription)),
    active: z.optional(z.boolean()),
  })
  .check(z.refine((patch) => Object.keys(patch).length > 0, { message: 'Send at least one field to change' }));
export type UpdateWebhookEndpoint = z.infer<typeof UpdateWebhookEndpoint>;

/** Longest overlap of an old and a new secret after a rotation: a week. */
export const MAX_PREVIOUS_SECRET_SECONDS = 7 * 86_400;

/**
 * `POST /v1/webhooks/:id/rotate-secret`. The old secret keeps signing beside the new one for
 * `previousSecretSeconds` (default a day) so the receiver can be updated without refusing
 * deliveries; `0` stops it at once (a leaked secret).
 */
export const RotateWebhookSecret = z.strictObject({
  previousSecretSeconds: z.optional(z.int().check(z.minimum(0), z.maximum(MAX_PREVIOUS_SECRET_SECONDS))),
});
export type RotateWebhookSecret = z.infer<typeof RotateWebhookSecret>;

/** `DELETE /v1/webhooks/:id`: the endpoint and its delivery log are gone. */
export const DeletedWebhookEndpoint = z.strictObject({ id: Id, deleted: z.literal(true) });
export type DeletedWebhookEndpoint = z.infer<typeof DeletedWebhookEndpoint>;

/**
 * The body of a test delivery (`POST /v1/webhooks/:id/ping`): sent to the endpoint even when
 * it is inactive or not subscribed to anything in particular. Receivers answer 2xx and ignore it.
 */
export const WebhookPing = z.strictObject({
  id: Id,
  type: z.literal('ping'),
  at: Timestamp,
  data: z.strictObject({ webhookId: Id }),
});
export type WebhookPing = z.infer<typeof WebhookPing>;

/** What a receiver gets as the JSON body: an event, or a ping. */
export const WebhookBody = z.union([KithEvent, WebhookPing]);
export type WebhookBody = z.infer<typeof WebhookBody>;

/** `pending` (queued or waiting for a retry), `delivered` (a 2xx answer), `failed` (gave up). */
export const WebhookDeliveryStatus = z.enum(['pending', 'delivered', 'failed']);
export type WebhookDeliveryStatus = z.infer<typeof WebhookDeliveryStatus>;

/** One delivery of one event to one endpoint, as the delivery log shows it. */
export const WebhookDelivery = z.strictObject({
  id: Id,
  webhookId: Id,
  /** The event's id (`Kith-Event-Id`), the same on every endpoint and every redelivery. */
  eventId: z.string(),
  eventType: z.union([EventType, z.literal('ping')]),
  status: WebhookDeliveryStatus,
  /** Attempts started so far. */
  attempts: z.int().check(z.minimum(0)),
  /** When the next attempt is due; null once delivered or failed. */
  nextAttemptAt: z.nullable(Timestamp),
  lastAttemptAt: z.nullable(Timestamp),
  /** The receiver's HTTP status on the last attempt; null if none came (timeout, refused). */
  lastStatusCode: z.nullable(z.int()),
  /** Why the last attempt failed, briefly (`HTTP 500`, `timed out after 10000 ms`). */
  lastError: z.nullable(z.string()),
  deliveredAt: z.nullable(Timestamp),
  createdAt: Timestamp,
  /**
   * Exactly what is sent: a `WebhookBody` (an event or a ping). Typed loosely here because a
   * customer's erasure may anonymise a logged body after it was sent.
   */
  payload: z.record(z.string(), z.unknown()),
});
export type WebhookDelivery = z.infer<typeof WebhookDelivery>;

export const WebhookDeliveryPage = page(WebhookDelivery);
export type WebhookDeliveryPage = z.infer<typeof WebhookDeliveryPage>;

/** `GET /v1/webhooks/:id/deliveries`: newest first, optionally one status. */
export const WebhookDeliveryQuery = z.strictObject({
  ...PageQuery.shape,
  status: z.optional(WebhookDeliveryStatus),
});
export type WebhookDeliveryQuery = z.infer<typeof WebhookDeliveryQuery>;
