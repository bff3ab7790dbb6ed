// Every resource of the client, for `createClient`. A page that wants only some imports them
// one by one (`@kith/sdk/resources/<name>`) over `createCore`: each module imports only its
// own schemas, so a page bundles what it calls.
//
// How each route is called — the rule every resource module follows:
// - `core.read` (cached, stale-while-revalidate, observable) for a GET whose answer a page
//   shows and may show again from the cache. It names the live topics the server announces
//   changes on (`customer:<id>`, `pipeline:<id>`, `product:<id>`, `inbox`) only where every
//   credential that may make the read may also follow the topic: one refused topic refuses
//   the client's whole stream.
// - `core.send` (direct, never stored) for a GET that must not be cached: `health` (a saved
//   answer would say "up" while the server is down), `openapi`, and a customer's `export`
//   (personal data the server marks `no-store`).
// - `core.write` (the outbox: kept in IndexedDB, delivered once, a refusal kept for the person
//   to edit and resubmit) for what a person authored and would be upset to lose: feedback
//   (reviews, survey answers, complaints), notes on the timeline, edits of a customer or a
//   deal (with `If-Match`), a customer's transfer to another owner (with `If-Match`), stage
//   moves, replies and complaint status changes, and a shopper's redeem.
// - `core.send` for everything else that writes: administration and automation run by a
//   server or an operator who is there to see the answer (keys, webhooks, ingestion,
//   tokens, moderation, merge, shares, loyalty corrections, erasure), and creations
//   whose caller needs the new id at once or must hear "duplicate" at once (a customer, a
//   deal). They take an optional `idempotencyKey` so a job's retries land once.
// Writes name the path prefixes of the cached reads they change (`invalidates`); live events
// refresh observed reads for the changes other people make.
import type { KithCore } from '../core.js';
import { analytics, type AnalyticsResource } from './analytics.js';
import { audit, type AuditResource } from './audit.js';
import { customers, type CustomersResource } from './customers.js';
import { feedback, type FeedbackResource } from './feedback.js';
import { health, type HealthResource } from './health.js';
import { ingestion, type IngestionResource } from './ingestion.js';
import { interactions, type InteractionsResource } from './interactions.js';
import { keys, type KeysResource } from './keys.js';
import { loyalty, type LoyaltyResource } from './loyalty.js';
import { openapi, type OpenApiResource } from './openapi.js';
import { opportunities, type OpportunitiesResource } from './opportunities.js';
import { orders, type OrdersResource } from './orders.js';
import { pipelines, type PipelinesResource } from './pipelines.js';
import { privacy, type PrivacyResource } from './privacy.js';
import { reviews, type ReviewsResource } from './reviews.js';
import { staff, type StaffResource } from './staff.js';
import { surveys, type SurveysResource } from './surveys.js';
import { tokens, type TokensResource } from './tokens.js';
import { webhooks, type WebhooksResource } from './webhooks.js';

export interface Resources {
  readonly analytics: AnalyticsResource;
  readonly audit: AuditResource;
  readonly customers: CustomersResource;
  readonly feedback: FeedbackResource;
  readonly health: HealthResource;
  readonly ingestion: IngestionResource;
  readonly interactions: InteractionsResource;
  readonly keys: KeysResource;
  readonly loyalty: LoyaltyResource;
  readonly openapi: OpenApiResource;
  readonly opportunities: OpportunitiesResource;
  readonly orders: OrdersResource;
  readonly pipelines: PipelinesResource;
  readonly privacy: PrivacyResource;
  readonly reviews: ReviewsResource;
  readonly staff: StaffResource;
  readonly surveys: SurveysResource;
  readonly tokens: TokensResource;
  readonly webhooks: WebhooksResource;
}

export function resources(core: KithCore): Resources {
  return {
    analytics: analytics(core),
    audit: audit(core),
    customers: customers(core),
    feedback: feedback(core),
    health: health(core),
    ingestion: ingestion(core),
    interactions: interactions(core),
    keys: keys(core),
    loyalty: loyalty(core),
    openapi: openapi(core),
    opportunities: opportunities(core),
    orders: orders(core),
    pipelines: pipelines(core),
    privacy: privacy(core),
    reviews: reviews(core),
    staff: staff(core),
    surveys: surveys(core),
    tokens: tokens(core),
    webhooks: webhooks(core),
  };
}
