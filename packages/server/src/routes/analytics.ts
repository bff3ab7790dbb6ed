import * as z from 'zod/mini';
import { AffinityQuery, AffinityResponse, AnalyticsQuery, ChurnPage, ChurnQuery, Id, ParetoResponse, SegmentsResponse } from '@kith/schema';
import { productAffinity } from '../analytics/affinity.js';
import { decodeCursor, encodeCursor } from '../analytics/cursor.js';
import { churnList, pareto, segments } from '../analytics/value-queries.js';
import { ApiError } from '../http/errors.js';
import { route } from '../http/route.js';
import { visibilityOf } from '../visibility/visibility.js';

// Staff with `analytics:read` (over the customers they may see) and the shop's server.
const access = { staff: 'analytics:read', secret: true } as const;

/** `GET /v1/analytics/segments`: count and lifetime value per RFM segment. */
export const getSegments = route({
  method: 'GET',
  path: '/v1/analytics/segments',
  summary: 'Customers and value per RFM segment',
  tag: 'analytics',
  access,
  query: AnalyticsQuery,
  response: SegmentsResponse,
  async handle({ db, credential, now }) {
    return segments(db, await visibilityOf(db, credential), now);
  },
});

/** `GET /v1/analytics/pareto`: the top 20 % by value, their share, the cut-off and the key accounts. */
export const getPareto = route({
  method: 'GET',
  path: '/v1/analytics/pareto',
  summary: 'Share of value from the top 20 % of customers (key accounts)',
  tag: 'analytics',
  access,
  query: AnalyticsQuery,
  response: ParetoResponse,
  async handle({ db, credential, now }) {
    return pareto(db, await visibilityOf(db, credential), now);
  },
});

// The cursor pins the instant the list was judged at (scores move with time), then the
// last row's score and id: later pages continue the same ranking.
const ChurnCursor = z.tuple([z.int().check(z.minimum(0)), z.int(), Id]);

/** `GET /v1/analytics/churn`: customers at risk, highest first. */
export const getChurn = route({
  method: 'GET',
  path: '/v1/analytics/churn',
  summary: 'Customers at risk of churning, highest risk first',
  tag: 'analytics',
  access,
  query: ChurnQuery,
  response: ChurnPage,
  async handle({ db, credential, query, now }) {
    const limit = query.limit ?? 20;
    const cursor = query.cursor ? decodeCursor(query.cursor, ChurnCursor) : null;
    const asOf = cursor ? new Date(cursor[0]) : now;
    const rows = await churnList(db, await visibilityOf(db, credential), asOf, {
      level: query.level ?? 'medium',
      limit,
      after: cursor ? { score: cursor[1], id: cursor[2] } : null,
    });
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    return { items, next: rows.length > limit && last ? encodeCursor([asOf.getTime(), last.churnRisk.score, last.customerId]) : null };
  },
});

/** `GET /v1/analytics/affinity?productId=…`: products most often bought together with it. */
export const getAffinity = route({
  method: 'GET',
  path: '/v1/analytics/affinity',
  summary: 'Products most often bought together with a product (cross-selling)',
  tag: 'analytics',
  access,
  query: AffinityQuery,
  response: AffinityResponse,
  async handle({ db, credential, query, now }) {
    const { rows } = await db.query('SELECT 1 FROM products WHERE id = $1', [query.productId]);
    if (rows.length === 0) throw new ApiError(404, 'not_found', `No product with id ${query.productId}.`);
    return productAffinity(db, await visibilityOf(db, credential), now, query.productId, query.limit ?? 10);
  },
});

/** The routes of this file. */
export const analyticsRoutes = [getSegments, getPareto, getChurn, getAffinity];
