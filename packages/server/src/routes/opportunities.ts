import * as z from 'zod/mini';
import { CreateOpportunity, Id, MoveOpportunity, Opportunity, UpdateOpportunity } from '@kith/schema';
import { ApiError } from '../http/errors.js';
import { route } from '../http/route.js';
import { ifMatchVersion } from '../opportunities/guard.js';
import { SELECT_OPPORTUNITIES, toOpportunity, type OpportunityRow } from '../opportunities/read.js';
import { createOpportunity, moveOpportunity, updateOpportunity } from '../opportunities/write.js';
import { visibilityOf, visibleOpportunities } from '../visibility/visibility.js';

const ById = z.object({ id: Id });
const BODY_LIMIT = 16 * 1024;

/** `POST /v1/opportunities`: a new deal at the end of its stage. */
export const createOpportunityRoute = route({
  method: 'POST',
  path: '/v1/opportunities',
  summary: 'Create an opportunity at the end of its stage',
  tag: 'opportunities',
  access: { staff: 'opportunities:write', secret: true },
  body: CreateOpportunity,
  response: Opportunity,
  status: 201,
  maxBodyBytes: BODY_LIMIT,
  async handle({ c, db, credential, body, now }) {
    const created = await createOpportunity(db, credential, await visibilityOf(db, credential), body, now);
    c.header('ETag', `"${created.version}"`);
    return created;
  },
});

/**
 * `GET /v1/opportunities/:id`: one deal the viewer may see (404 otherwise, as for an unknown
 * id), with its version as the ETag — what a deal page opened from a link, a notification
 * or a webhook reads before it edits or moves the deal with `If-Match`.
 */
export const getOpportunityRoute = route({
  method: 'GET',
  path: '/v1/opportunities/:id',
  summary: 'Get an opportunity',
  tag: 'opportunities',
  access: { staff: 'opportunities:read', secret: true },
  params: ById,
  response: Opportunity,
  async handle({ c, db, credential, params }) {
    const visible = visibleOpportunities(await visibilityOf(db, credential), 'o', 2);
    const { rows } = await db.query<OpportunityRow>(`${SELECT_OPPORTUNITIES} WHERE o.id = $1 AND ${visible.sql}`, [params.id, ...visible.params]);
    const row = rows[0];
    if (!row) throw new ApiError(404, 'not_found', `No opportunity with id ${params.id}.`);
    const opportunity = toOpportunity(row);
    c.header('ETag', `"${opportunity.version}"`);
    c.header('Cache-Control', 'private, no-cache');
    return opportunity;
  },
});

/**
 * `POST /v1/opportunities/:id/move` with `If-Match`: to a stage and between neighbours. The
 * server computes the rank; a stage change is written on the customer's timeline.
 */
export const moveOpportunityRoute = route({
  method: 'POST',
  path: '/v1/opportunities/:id/move',
  ifMatch: 'required',
  summary: 'Move an opportunity to a stage and position (If-Match)',
  tag: 'opportunities',
  access: { staff: 'opportunities:write', secret: true },
  params: ById,
  body: MoveOpportunity,
  response: Opportunity,
  maxBodyBytes: BODY_LIMIT,
  async handle({ c, db, credential, params, body, now }) {
    const expected = ifMatchVersion(c);
    const moved = await moveOpportunity(db, credential, await visibilityOf(db, credential), params.id, body, expected, now);
    c.header('ETag', `"${moved.version}"`);
    return moved;
  },
});

/** `PATCH /v1/opportunities/:id` with `If-Match`: title, amount, expected close, owner. */
export const updateOpportunityRoute = route({
  method: 'PATCH',
  path: '/v1/opportunities/:id',
  summary: 'Update an opportunity (If-Match)',
  ifMatch: 'required',
  tag: 'opportunities',
  access: { staff: 'opportunities:write', secret: true },
  params: ById,
  body: UpdateOpportunity,
  response: Opportunity,
  maxBodyBytes: BODY_LIMIT,
  async handle({ c, db, credential, params, body, now }) {
    const expected = ifMatchVersion(c);
    const updated = await updateOpportunity(db, credential, await visibilityOf(db, credential), params.id, body, expected, now);
    c.header('ETag', `"${updated.version}"`);
    return updated;
  },
});

/** The routes of this file. */
export const opportunitiesRoutes = [createOpportunityRoute, getOpportunityRoute, moveOpportunityRoute, updateOpportunityRoute];
