// Sending one inbox action through the SDK and saying what became of it, in one shape for the
// element: a moderation goes at once (a moderator's decision is not queued); a reply, an answer or
// a status move goes through the outbox (delivered once, also after going offline).
import { Feedback, type ComplaintStatus } from '@kith/schema';
import { isKithError, type KithCore, type KithErrorCode, type WriteResult } from '@kith/sdk/core';
import { feedback } from '@kith/sdk/resources/feedback';
import { followEntry } from '../feedback/follow-entry.js';
import { resourceOf } from '../internal/resource-of.js';
import { withReply, withStatus, type ItemAction } from './inbox-item.model.js';

/** What a staff member asked for. */
export type ActionRequest =
  | { action: 'publish' }
  | { action: 'reject'; reason: string }
  | { action: 'reply' | 'answer'; body: string }
  | { action: 'status'; status: ComplaintStatus };

/** What became of it: the item as the server answered it, as it will be once delivered, or why not. */
export type ActionOutcome =
  | { status: 'sent'; action: ItemAction; item: Feedback }
  /** Kept in the outbox as `entryId`; `item` is the record as it will be once delivered. */
  | { status: 'queued'; action: ItemAction; item: Feedback; entryId: string }
  /**
   * `current`: the record as someone else left it (a `conflict` that carried it); `text`: the words
   * of a queued reply or answer refused later, to put back in the form.
   */
  | { status: 'failed'; action: ItemAction; code: KithErrorCode; current: Feedback | undefined; text?: string | undefined };

/** The record a conflict carries, when it is one (it comes from the server: validated like any answer). */
function currentOf(value: unknown): Feedback | undefined {
  const parsed = Feedback.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** Sends `request` about `item`; `now` (epoch ms) dates the local copy of a queued write. */
export async function runAction(client: KithCore, item: Feedback, request: ActionRequest, now: number): Promise<ActionOutcome> {
  const api = resourceOf(client, feedback);
  const { action } = request;
  if (request.action === 'publish' || request.action === 'reject') {
    try {
      const body = request.action === 'publish' ? { action: request.action } : { action: request.action, reason: request.reason };
      return { status: 'sent', action, item: await api.moderate(item.id, body) };
    } catch (error) {
      if (!isKithError(error)) throw error;
      return { status: 'failed', action, code: error.code, current: currentOf(error.current) };
    }
  }
  let result: WriteResult<Feedback>;
  let queued: Feedback;
  if (request.action === 'status') {
    if (item.kind !== 'complaint') throw new TypeError('Only a complaint moves along a status path');
    result = await api.setStatus(item.id, { status: request.status });
    queued = withStatus(item, request.status, now);
  } else {
    result = await api.reply(item.id, { body: request.body });
    queued = withReply(item, request.body, now);
  }
  if (result.status === 'sent') return { status: 'sent', action, item: result.data };
  if (result.status === 'queued') return { status: 'queued', action, item: queued, entryId: result.entry.id };
  // Refused: the words stay in the form to correct or send again, so the refused entry need not
  // wait in the outbox as well.
  await client.outbox.discard(result.entry.id).catch(() => undefined);
  return { status: 'failed', action, code: result.error.code, current: currentOf(result.error.current) };
}

/**
 * Follows a queued write until the outbox delivers it (`sent`, with the server's record when this
 * page delivered it), another page did (`undefined`), or the server refuses it (`failed`; the
 * entry is discarded, its words handed back). Returns the function that stops following.
 */
export function followQueued(client: KithCore, entryId: string, action: ItemAction, done: (outcome: ActionOutcome | undefined) => void): () => void {
  return followEntry(client.outbox, entryId, (fate) => {
    if (fate.status === 'gone') return done(undefined);
    if (fate.status === 'delivered') {
      const item = currentOf(fate.body);
      return done(item ? { status: 'sent', action, item } : undefined);
    }
    const body: unknown = fate.entry.body;
    const text = typeof body === 'object' && body !== null && 'body' in body && typeof body.body === 'string' ? body.body : undefined;
    void client.outbox.discard(entryId).catch(() => undefined);
    const { error } = fate.entry;
    done({ status: 'failed', action, code: error?.code ?? 'server', current: currentOf(error?.current), text });
  });
}
