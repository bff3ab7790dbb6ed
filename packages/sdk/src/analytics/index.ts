// @kith/sdk/analytics: pure functions over plain data (no network), the same rules as the
// server's analytics routes and the customer value it stores. Import only what you use.
export { countedOrders, lifetimeValue, NON_VALUE_STATUSES } from './orders.js';
export type { AnalyticsCustomer, AnalyticsOrder } from './orders.js';
export { rfmScores, rfmSegment } from './rfm.js';
export { pareto } from './pareto.js';
export type { Pareto } from './pareto.js';
export { cadenceDays, churnRisk, DEFAULT_CADENCE_DAYS, shopCadence } from './churn.js';
export { forecast } from './forecast.js';
export type { Forecast, StageForecast } from './forecast.js';
export { affinity } from './affinity.js';
export type { Affinity, AffinityItem, BasketOrder } from './affinity.js';
export type { ChurnRisk, RfmScores, RfmSegment } from '@kith/schema';
