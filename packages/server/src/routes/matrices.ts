import type { MatrixRow } from '../test-support/matrix.js';
import { analyticsMatrix } from './analytics.matrix.js';
import { auditMatrix } from './audit.matrix.js';
import { customersMatrix } from './customers.matrix.js';
import { eventsMatrix } from './events.matrix.js';
import { feedbackMatrix } from './feedback.matrix.js';
import { healthMatrix } from './health.matrix.js';
import { ingestionMatrix } from './ingestion.matrix.js';
import { interactionsMatrix } from './interactions.matrix.js';
import { keysMatrix } from './keys.matrix.js';
import { loyaltyMatrix } from './loyalty.matrix.js';
import { opportunitiesMatrix } from './opportunities.matrix.js';
import { ordersMatrix } from './orders.matrix.js';
import { pipelinesMatrix } from './pipelines.matrix.js';
import { privacyMatrix } from './privacy.matrix.js';
import { reviewsMatrix } from './reviews.matrix.js';
import { staffMatrix } from './staff.matrix.js';
import { surveysMatrix } from './surveys.matrix.js';
import { tokensMatrix } from './tokens.matrix.js';
import { webhooksMatrix } from './webhooks.matrix.js';

/** Every route's row of the auth matrix, one file per resource. */
export const matrix: MatrixRow[] = [
  ...healthMatrix,
  ...tokensMatrix,
  ...customersMatrix,
  ...staffMatrix,
  ...interactionsMatrix,
  ...pipelinesMatrix,
  ...opportunitiesMatrix,
  ...feedbackMatrix,
  ...reviewsMatrix,
  ...loyaltyMatrix,
  ...ordersMatrix,
  ...ingestionMatrix,
  ...analyticsMatrix,
  ...auditMatrix,
  ...eventsMatrix,
  ...webhooksMatrix,
  ...privacyMatrix,
  ...keysMatrix,
  ...surveysMatrix,
];
