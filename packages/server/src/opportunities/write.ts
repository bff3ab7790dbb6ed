// Creating, moving and editing a deal, each in the caller's transaction and audited.
import type { CreateOpportunity, MoveOpportunity, Opportunity, UpdateOpportunity } from '@kith/schema';
import { audit } from '../audit/audit.js';
import type { Credential } from '../auth/credential.js';
import type { Queryable } from '../db/database.js';
import { opportunityEvent } from '../events/pipeline-events.js';
import { insertInteraction } from '../interactions/write.js';
import { canSeeCustomer, type Visibility } from '../visibility/visibility.js';
import { assertStaff, assertVersion, badField, lockOpportunity, lockStage } from './guard.js';
import { rankFor } from './place.js';
import { OPPORTUNITY_COLUMNS, toOpportunity, type OpportunityRow } from './read.js';

/** Who acts: a staff member, or nobody in particular (the shop's server). */
const actorStaff = (credential: Credential): string | null => (credential.kind === 'staff' ? credential.staffId : null);

function one(rows: OpportunityRow[]): Opportunity {
  const row = rows[0];
  if (!row) throw new Error('the statement returned no opportunity');
  return toOpportunity(row);
}

/** A new deal at the end of its stage; the owner defaults to the staff member creating it. */
export async function createOpportunity(tx: Queryable, credential: Credential, v: Visibility, body: CreateOpportunity, now: Date): Promise<Opportunity> {
  const stage = await lockStage(tx, body.stageId);
  if (!stage) throw badField('stageId', 'is not a stage');
  if (body.amount.currency !== stage.currency.trim()) throw badField(['amount', 'currency'], `must be the pipeline's currency, ${stage.currency.trim()}`);
  if (!(await canSeeCustomer(tx, v, body.customerId))) throw badField('customerId', 'is not a customer you can see');
  await assertStaff(tx, body.ownerId);
  const rank = await rankFor(tx, v, { stageId: stage.id, movingId: null }, now);
  const { rows } = await tx.query<OpportunityRow>(
    `INSERT INTO opportunities AS o (pipeline_id, stage_id, customer_id, title, amount, currency, expected_close, owner_id, rank,
       version, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7::date, $8, $9, 1, $10, $10)
     RETURNING ${OPPORTUNITY_COLUMNS}`,
    [stage.pipeline_id, stage.id, body.customerId, body.title, body.amount.amount, body.amount.currency, body.expectedClose ?? null,
      body.ownerId === undefined ? actorStaff(credential) : body.ownerId, rank, now],
  );
  const created = one(rows);
  await opportunityEvent(tx, 'opportunity.created', created, now);
  await audit(tx, credential, { action: 'opportunity.create', entity: 'opportunity', entityId: created.id, before: null, after: created }, now);
  return created;
}

/** The timeline line of a move: "Spring order: Lead → Qualified", within the summary's 300 characters. */
function stageChangeSummary(title: string, from: string, to: string): string {
  const tail = `: ${from} → ${to}`;
  return title.length + tail.length <= 300 ? `${title}${tail}` : `${title.slice(0, 299 - tail.length)}…${tail}`;
}

/**
 * Moves a deal to a stage of its pipeline, next to the named cards (or to the end), bumps its
 * version, and — when the stage changes — writes a `stage_change` on the customer's timeline.
 */
export async function moveOpportunity(
  tx: Queryable, credential: Credential, v: Visibility, id: string, body: MoveOpportunity, expected: number, now: Date,
): Promise<Opportunity> {
  const stage = await lockStage(tx, body.stageId);
  const before = await lockOpportunity(tx, v, id);
  assertVersion(before, expected);
  if (!stage || stage.pipeline_id !== before.pipelineId) throw badField('stageId', 'is not a stage of the opportunity\'s pipeline');
  if (body.afterId === id || body.beforeId === id) throw badField(body.afterId === id ? 'afterId' : 'beforeId', 'is the opportunity itself');
  const rank = await rankFor(tx, v, { stageId: stage.id, movingId: id, afterId: body.afterId, beforeId: body.beforeId }, now);
  const { rows } = await tx.query<OpportunityRow>(
    `UPDATE opportunities AS o SET stage_id = $2, rank = $3, version = o.version + 1, updated_at = $4 WHERE o.id = $1
     RETURNING ${OPPORTUNITY_COLUMNS}`,
    [id, stage.id, rank, now],
  );
  const after = one(rows);
  if (before.stageId !== stage.id) {
    const { rows: from } = await tx.query<{ name: string }>('SELECT name FROM stages WHERE id = $1', [before.stageId]);
    await insertInteraction(tx, {
      customerId: after.customerId, channel: 'web', type: 'stage_change', direction: 'internal',
      // The relationship's phase follows the deal: won is the sale; anything before it pre-sale.
      phase: stage.kind === 'won' ? 'sale' : 'pre_sale',
      summary: stageChangeSummary(after.title, from[0]?.name ?? 'another stage', stage.name),
      staffId: actorStaff(credential),
      refs: { opportunityId: after.id },
    }, now);
  }
  await opportunityEvent(tx, 'opportunity.moved', after, now, { fromStageId: before.stageId });
  await audit(tx, credential, { action: 'opportunity.move', entity: 'opportunity', entityId: id, before, after }, now);
  return after;
}

/** Changes the fields sent; the amount stays in the pipeline's currency. */
export async function updateOpportunity(
  tx: Queryable, credential: Credential, v: Visibility, id: string, patch: UpdateOpportunity, expected: number, now: Date,
): Promise<Opportunity> {
  const before = await lockOpportunity(tx, v, id);
  assertVersion(before, expected);
  if (patch.amount && patch.amount.currency !== before.amount.currency) {
    throw badField(['amount', 'currency'], `must be the pipeline's currency, ${before.amount.currency}`);
  }
  await assertStaff(tx, patch.ownerId);
  const next = { ...before, ...patch };
  const { rows } = await tx.query<OpportunityRow>(
    `UPDATE opportunities AS o SET title = $2, amount = $3, expected_close = $4::date, owner_id = $5, version = o.version + 1, updated_at = $6
     WHERE o.id = $1 RETURNING ${OPPORTUNITY_COLUMNS}`,
    [id, next.title, next.amount.amount, next.expectedClose, next.ownerId, now],
  );
  const after = one(rows);
  await opportunityEvent(tx, 'opportunity.updated', after, now, { previousOwnerId: before.ownerId });
  await audit(tx, credential, { action: 'opportunity.update', entity: 'opportunity', entityId: id, before, after }, now);
  return after;
}
