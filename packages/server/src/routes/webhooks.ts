import * as z from 'zod/mini';
import {
  CreateWebhookEndpoint, DeletedWebhookEndpoint, Id, RotateWebhookSecret, UpdateWebhookEndpoint, WebhookDelivery,
  WebhookDeliveryPage, WebhookDeliveryQuery, WebhookEndpoint, WebhookEndpointPage, WebhookEndpointWithSecret, PageQuery,
} from '@kith/schema';
import { decodeCursor, encodeCursor } from '../analytics/cursor.js';
import { audit } from '../audit/audit.js';
import { route } from '../http/route.js';
import { listDeliveries, queuePing, queueRedelivery } from '../webhooks/deliveries.js';
import { deleteEndpoint, findEndpoint, insertEndpoint, listEndpoints, rotateSecret, updateEndpoint } from '../webhooks/endpoints.js';

// Webhook endpoints are the shop's server's business: only the secret key configures them
// (a staff token could otherwise point customer data at any URL).
const ACCESS = { secret: true } as const;
const TAG = 'webhooks';
const ById = z.object({ id: Id });
const ByDelivery = z.object({ id: Id, deliveryId: Id });
/** A list cursor: the last row's creation time to the microsecond, and its id. */
const ListCursor = z.tuple([z.string().check(z.regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/)), Id]);
/** The old secret signs beside the new one for a day after a rotation unless the request says otherwise. */
const DEFAULT_PREVIOUS_SECRET_SECONDS = 86_400;

/** `POST /v1/webhooks`: registers an endpoint; the answer is the only one (with rotation) that shows its secret. */
export const createWebhook = route({
  method: 'POST',
  path: '/v1/webhooks',
  summary: 'Register a webhook endpoint (answers its signing secret, once)',
  tag: TAG,
  access: ACCESS,
  body: CreateWebhookEndpoint,
  response: WebhookEndpointWithSecret,
  status: 201,
  maxBodyBytes: 16 * 1024,
  async handle({ c, db, credential, body, now }) {
    const { endpoint, secret } = await insertEndpoint(db, body, now);
    // The secret is never audited: the audit trail shows the endpoint only.
    await audit(db, credential, { action: 'webhook.create', entity: 'webhook_endpoint', entityId: endpoint.id, before: null, after: endpoint }, now);
    c.header('Cache-Control', 'no-store');
    c.header('Location', `/v1/webhooks/${endpoint.id}`);
    return { ...endpoint, secret };
  },
});

/** `GET /v1/webhooks`: every endpoint, newest first (no secrets). */
export const listWebhooks = route({
  method: 'GET',
  path: '/v1/webhooks',
  summary: 'List webhook endpoints',
  tag: TAG,
  access: ACCESS,
  query: PageQuery,
  response: WebhookEndpointPage,
  async handle({ c, db, query, now }) {
    c.header('Cache-Control', 'private, no-cache');
    const after = query.cursor === undefined ? null : decodeCursor(query.cursor, ListCursor);
    const { items, last } = await listEndpoints(db, query.limit ?? 20, after, now);
    return { items, next: last ? encodeCursor(last) : null };
  },
});

/** `GET /v1/webhooks/:id`. */
export const getWebhook = route({
  method: 'GET',
  path: '/v1/webhooks/:id',
  summary: 'Get a webhook endpoint',
  tag: TAG,
  access: ACCESS,
  params: ById,
  response: WebhookEndpoint,
  async handle({ c, db, params, now }) {
    c.header('Cache-Control', 'private, no-cache');
    return findEndpoint(db, params.id, now);
  },
});

/** `PATCH /v1/webhooks/:id`: url, events, description, active (inactive = paused). Audited. */
export const updateWebhook = route({
  method: 'PATCH',
  path: '/v1/webhooks/:id',
  summary: 'Change a webhook endpoint (url, events, description, active)',
  tag: TAG,
  access: ACCESS,
  params: ById,
  body: UpdateWebhookEndpoint,
  response: WebhookEndpoint,
  maxBodyBytes: 16 * 1024,
  async handle({ db, credential, params, body, now }) {
    const before = await findEndpoint(db, params.id, now, true);
    const after = await updateEndpoint(db, params.id, body, now);
    await audit(db, credential, { action: 'webhook.update', entity: 'webhook_endpoint', entityId: params.id, before, after }, now);
    return after;
  },
});

/** `DELETE /v1/webhooks/:id`: the endpoint and its delivery log; nothing more is sent to it. Audited. */
export const deleteWebhook = route({
  method: 'DELETE',
  path: '/v1/webhooks/:id',
  summary: 'Delete a webhook endpoint and its delivery log',
  tag: TAG,
  access: ACCESS,
  params: ById,
  response: DeletedWebhookEndpoint,
  async handle({ db, credential, params, now }) {
    const before = await deleteEndpoint(db, params.id, now);
    await audit(db, credential, { action: 'webhook.delete', entity: 'webhook_endpoint', entityId: params.id, before, after: null }, now);
    return { id: params.id, deleted: true as const };
  },
});

/**
 * `POST /v1/webhooks/:id/rotate-secret`: a new secret, answered once. The old one keeps
 * signing beside it (a second `v1=`) for `previousSecretSeconds` (default a day; 0 = stop now).
 */
export const rotateWebhookSecret = route({
  method: 'POST',
  path: '/v1/webhooks/:id/rotate-secret',
  summary: 'Rotate a webhook endpoint\'s signing secret (answers the new one, once)',
  tag: TAG,
  access: ACCESS,
  params: ById,
  body: RotateWebhookSecret,
  response: WebhookEndpointWithSecret,
  async handle({ c, db, credential, params, body, now }) {
    const before = await findEndpoint(db, params.id, now, true);
    const { endpoint, secret } = await rotateSecret(db, params.id, body.previousSecretSeconds ?? DEFAULT_PREVIOUS_SECRET_SECONDS, now);
    await audit(db, credential, { action: 'webhook.rotate_secret', entity: 'webhook_endpoint', entityId: params.id, before, after: endpoint }, now);
    c.header('Cache-Control', 'no-store');
    return { ...endpoint, secret };
  },
});

/** `GET /v1/webhooks/:id/deliveries`: the delivery log, newest first; `status` filters. */
export const listWebhookDeliveries = route({
  method: 'GET',
  path: '/v1/webhooks/:id/deliveries',
  summary: 'List a webhook endpoint\'s deliveries (newest first)',
  tag: TAG,
  access: ACCESS,
  params: ById,
  query: WebhookDeliveryQuery,
  response: WebhookDeliveryPage,
  async handle({ c, db, params, query, now }) {
    c.header('Cache-Control', 'private, no-cache');
    await findEndpoint(db, params.id, now);
    const after = query.cursor === undefined ? null : decodeCursor(query.cursor, ListCursor);
    const { items, last } = await listDeliveries(db, params.id, query, after);
    return { items, next: last ? encodeCursor(last) : null };
  },
});

/** `POST /v1/webhooks/:id/deliveries/:deliveryId/redeliver`: queues the same body again, as a new delivery. Audited. */
export const redeliverWebhook = route({
  method: 'POST',
  path: '/v1/webhooks/:id/deliveries/:deliveryId/redeliver',
  summary: 'Send a delivery again (queued as a new delivery of the same event)',
  tag: TAG,
  access: ACCESS,
  params: ByDelivery,
  response: WebhookDelivery,
  status: 202,
  async handle({ db, credential, params, now }) {
    await findEndpoint(db, params.id, now);
    const delivery = await queueRedelivery(db, params.id, params.deliveryId, now);
    const after = { deliveryId: delivery.id, redeliveryOf: params.deliveryId, eventId: delivery.eventId, eventType: delivery.eventType };
    await audit(db, credential, { action: 'webhook.redeliver', entity: 'webhook_endpoint', entityId: params.id, before: null, after }, now);
    return delivery;
  },
});

/** `POST /v1/webhooks/:id/ping`: queues a test delivery (`type: 'ping'`), sent even to an inactive endpoint. Audited. */
export const pingWebhook = route({
  method: 'POST',
  path: '/v1/webhooks/:id/ping',
  summary: 'Queue a test delivery to a webhook endpoint',
  tag: TAG,
  access: ACCESS,
  params: ById,
  response: WebhookDelivery,
  status: 202,
  async handle({ db, credential, params, now }) {
    await findEndpoint(db, params.id, now);
    const delivery = await queuePing(db, params.id, now);
    const after = { deliveryId: delivery.id, eventId: delivery.eventId, eventType: delivery.eventType };
    await audit(db, credential, { action: 'webhook.ping', entity: 'webhook_endpoint', entityId: params.id, before: null, after }, now);
    return delivery;
  },
});

/** The routes of this file. */
export const webhooksRoutes = [
  createWebhook, listWebhooks, getWebhook, updateWebhook, deleteWebhook, rotateWebhookSecret, listWebhookDeliveries,
  redeliverWebhook, pingWebhook,
];
