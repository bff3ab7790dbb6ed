import type { RouteSpec } from '../http/route.js';
import { analyticsRoutes } from './analytics.js';
import { auditRoutes } from './audit.js';
import { customerRoutes } from './customers.js';
import { eventsRoutes } from './events.js';
import { feedbackRoutes } from './feedback.js';
import { healthRoutes } from './health.js';
import { ingestionRoutes } from './ingestion.js';
import { interactionsRoutes } from './interactions.js';
import { keysRoutes } from './keys.js';
import { loyaltyRoutes } from './loyalty.js';
import { openApiRoute } from './openapi.js';
import { opportunitiesRoutes } from './opportunities.js';
import { ordersRoutes } from './orders.js';
import { pipelinesRoutes } from './pipelines.js';
import { privacyRoutes } from './privacy.js';
import { reviewsRoutes } from './reviews.js';
import { staffRoutes } from './staff.js';
import { surveysRoutes } from './surveys.js';
import { tokenRoutes } from './tokens.js';
import { webhooksRoutes } from './webhooks.js';

/**
 * Every route of the API, in one table: mounted by the app, documented by OpenAPI, and
 * checked by the auth matrix (`matrices.ts`). Each resource file exports its own list.
 */
export const routeTable: readonly RouteSpec[] = [
  ...healthRoutes,
  ...tokenRoutes,
  ...customerRoutes,
  ...staffRoutes,
  ...interactionsRoutes,
  ...pipelinesRoutes,
  ...opportunitiesRoutes,
  ...feedbackRoutes,
  ...reviewsRoutes,
  ...loyaltyRoutes,
  ...ordersRoutes,
  ...ingestionRoutes,
  ...analyticsRoutes,
  ...auditRoutes,
  ...eventsRoutes,
  ...webhooksRoutes,
  ...privacyRoutes,
  ...keysRoutes,
  ...surveysRoutes,
  openApiRoute(() => routeTable),
] as readonly RouteSpec[];
