// Webhook endpoints and their delivery logs, configured by the shop's server (secret key).
import {
  DeletedWebhookEndpoint, WebhookDelivery, WebhookDeliveryPage, WebhookEndpoint, WebhookEndpointPage, WebhookEndpointWithSecret,
  type CreateWebhookEndpoint, type PageQuery, type RotateWebhookSecret, type UpdateWebhookEndpoint, type WebhookDeliveryQuery,
} from '@kith/schema';
import type { KithCore } from '../core.js';
import type { Read, ReadOptions } from '../reads/types.js';
import { seg, sender, type SendOptions } from './shared.js';

const WEBHOOKS = '/v1/webhooks';

/** Every method needs the secret key: a staff token could otherwise point customer data at any URL. */
export interface WebhooksResource {
  /** Every endpoint, newest first, without secrets (`GET /v1/webhooks`). */
  list(query?: PageQuery, options?: ReadOptions): Read<WebhookEndpointPage>;
  /** Registers an endpoint (`POST /v1/webhooks`); the answer is the only one (with `rotateSecret`) that shows its signing secret. */
  create(endpoint: CreateWebhookEndpoint, options?: SendOptions): Promise<WebhookEndpointWithSecret>;
  /** One endpoint (`GET /v1/webhooks/{id}`). */
  get(id: string, options?: ReadOptions): Read<WebhookEndpoint>;
  /** Changes url, events, description or `active` (inactive = paused) (`PATCH /v1/webhooks/{id}`). Audited. */
  update(id: string, patch: UpdateWebhookEndpoint, options?: SendOptions): Promise<WebhookEndpoint>;
  /** Deletes an endpoint and its delivery log (`DELETE /v1/webhooks/{id}`). Audited. */
  delete(id: string, options?: SendOptions): Promise<DeletedWebhookEndpoint>;
  /** An endpoint's deliveries, newest first, optionally of one status (`GET /v1/webhooks/{id}/deliveries`). */
  deliveries(id: string, query?: WebhookDeliveryQuery, options?: ReadOptions): Read<WebhookDeliveryPage>;
  /** Queues a delivery's body again as a new delivery (`POST /v1/webhooks/{id}/deliveries/{deliveryId}/redeliver`). Audited. */
  redeliver(id: string, deliveryId: string, options?: SendOptions): Promise<WebhookDelivery>;
  /** Queues a test delivery (`type: 'ping'`), even to an inactive endpoint (`POST /v1/webhooks/{id}/ping`). Audited. */
  ping(id: string, options?: SendOptions): Promise<WebhookDelivery>;
  /**
   * A new signing secret, answered once (`POST /v1/webhooks/{id}/rotate-secret`); the old one
   * keeps signing beside it for `previousSecretSeconds` (default a day; 0 stops it now). Audited.
   */
  rotateSecret(id: string, request?: RotateWebhookSecret, options?: SendOptions): Promise<WebhookEndpointWithSecret>;
}

export function webhooks(core: KithCore): WebhooksResource {
  const send = sender(core);
  const path = (id: string) => `${WEBHOOKS}/${seg(id)}`;
  const log = (id: string) => `${path(id)}/deliveries`;
  return {
    list: (query, options) => core.read({ path: WEBHOOKS, query, schema: WebhookEndpointPage }, options),
    create: (endpoint, options) => send({ method: 'POST', path: WEBHOOKS, body: endpoint, schema: WebhookEndpointWithSecret, invalidates: [WEBHOOKS] }, options),
    get: (id, options) => core.read({ path: path(id), schema: WebhookEndpoint }, options),
    update: (id, patch, options) => send({ method: 'PATCH', path: path(id), body: patch, schema: WebhookEndpoint, invalidates: [WEBHOOKS] }, options),
    delete: (id, options) => send({ method: 'DELETE', path: path(id), schema: DeletedWebhookEndpoint, invalidates: [WEBHOOKS] }, options),
    deliveries: (id, query, options) => core.read({ path: log(id), query, schema: WebhookDeliveryPage }, options),
    redeliver: (id, deliveryId, options) =>
      send({ method: 'POST', path: `${log(id)}/${seg(deliveryId)}/redeliver`, schema: WebhookDelivery, invalidates: [log(id)] }, options),
    ping: (id, options) => send({ method: 'POST', path: `${path(id)}/ping`, schema: WebhookDelivery, invalidates: [log(id)] }, options),
    rotateSecret: (id, request, options) =>
      send({ method: 'POST', path: `${path(id)}/rotate-secret`, body: request ?? {}, schema: WebhookEndpointWithSecret, invalidates: [WEBHOOKS] }, options),
  };
}
