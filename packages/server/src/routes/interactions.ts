import * as z from 'zod/mini';
import { CreateInteraction, Id, Interaction, InteractionPage, InteractionQuery } from '@kith/schema';
import { audit } from '../audit/audit.js';
import type { Credential } from '../auth/credential.js';
import type { Queryable } from '../db/database.js';
import { ApiError } from '../http/errors.js';
import { route } from '../http/route.js';
import { listInteractions } from '../interactions/list.js';
import { checkRefs, insertInteraction } from '../interactions/write.js';
import { canSeeCustomer, visibilityOf } from '../visibility/visibility.js';

const ByCustomer = z.object({ id: Id });

/** Staff outside the customer's hierarchy get the same 404 as for an unknown id. */
async function requireVisibleCustomer(db: Queryable, credential: Credential, customerId: string): Promise<void> {
  if (!(await canSeeCustomer(db, await visibilityOf(db, credential), customerId))) {
    throw new ApiError(404, 'not_found', `No customer with id ${customerId}.`);
  }
}

/**
 * `GET /v1/customers/:id/interactions`: the customer's timeline, newest first, filtered by
 * channel, type, phase (each repeatable), text and time — in SQL over every row — with the
 * total and facet counts. Staff (`customers:read`) and the shop's server; never the
 * customer: the timeline holds staff-internal notes.
 */
export const listInteractionsRoute = route({
  method: 'GET',
  path: '/v1/customers/:id/interactions',
  summary: 'List a customer\'s interactions (timeline) with facet counts',
  tag: 'interactions',
  access: { staff: 'customers:read', secret: true },
  params: ByCustomer,
  query: InteractionQuery,
  response: InteractionPage,
  async handle({ c, db, credential, params, query }) {
    await requireVisibleCustomer(db, credential, params.id);
    c.header('Cache-Control', 'private, no-cache');
    return listInteractions(db, params.id, query);
  },
});

/**
 * `POST /v1/customers/:id/interactions`: records a note, call, meeting… on the timeline.
 * The staff member is the token's subject (none for the shop's server).
 */
export const createInteractionRoute = route({
  method: 'POST',
  path: '/v1/customers/:id/interactions',
  summary: 'Record an interaction on a customer\'s timeline',
  tag: 'interactions',
  access: { staff: 'interactions:write', secret: true },
  params: ByCustomer,
  body: CreateInteraction,
  response: Interaction,
  status: 201,
  maxBodyBytes: 64 * 1024,
  async handle({ db, credential, params, body, now }) {
    await requireVisibleCustomer(db, credential, params.id);
    await checkRefs(db, params.id, body.refs);
    const staffId = credential.kind === 'staff' ? credential.staffId : null;
    const interaction = await insertInteraction(db, { ...body, customerId: params.id, staffId }, now);
    await audit(db, credential, { action: 'interaction.create', entity: 'interaction', entityId: interaction.id, before: null, after: interaction }, now);
    return interaction;
  },
});

/** The routes of this file. */
export const interactionsRoutes = [listInteractionsRoute, createInteractionRoute];
