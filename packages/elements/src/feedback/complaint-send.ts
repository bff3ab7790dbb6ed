// Handing a complaint to the outbox (like a review: kept and delivered exactly once, also after a
// reload) and following a kept one until it is delivered or refused. Part of the complaint's chunk.
import { CreatedFeedback, type ComplaintStatus, type NewComplaint } from '@kith/schema';
import type { KithCore, KithErrorCode, WriteResult } from '@kith/sdk/core';
import { submitFeedback } from '@kith/sdk/resources/feedback';
import { followEntry } from './follow-entry.js';

/** What the receipt knows of a complaint: the creation's answer, or a delivered entry's body. */
export interface ComplaintRecord {
  id: string;
  /** Set with a customer token: the shopper may then read the complaint back (`GET /v1/feedback/:id`). */
  customerId: string | null;
  status: ComplaintStatus | undefined;
  dueAt: string | undefined;
}

/** What became of a complaint handed over. */
export type ComplaintOutcome =
  | { status: 'sent'; record: ComplaintRecord | undefined }
  | { status: 'queued'; entryId: string }
  | {
      status: 'failed';
      code: KithErrorCode;
      issues: readonly { path: readonly PropertyKey[]; message: string }[];
      entryId: string | undefined;
      /** The refused entry's body (a complaint refused after a reload), to show again. */
      body?: unknown;
    };

const string = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** The record's fields, read defensively: a delivered entry's body from an earlier page is not validated. */
export function recordOf(body: unknown): ComplaintRecord | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const data = body as Record<string, unknown>;
  const id = string(data['id']);
  if (data['kind'] !== 'complaint' || id === undefined) return undefined;
  return { id, customerId: string(data['customerId']) ?? null, status: string(data['status']) as ComplaintStatus | undefined, dueAt: string(data['dueAt']) };
}

/** Sends a complaint; a corrected one replaces its refused outbox entry. */
export async function sendComplaint(client: KithCore, complaint: NewComplaint, refusedEntry: string | undefined): Promise<ComplaintOutcome> {
  let result: WriteResult<CreatedFeedback>;
  try {
    result = refusedEntry ? await client.outbox.resubmit(refusedEntry, complaint, CreatedFeedback) : await submitFeedback(client, complaint);
  } catch {
    // The refused entry was discarded meanwhile (another tab): the complaint goes as a new write.
    result = await submitFeedback(client, complaint);
  }
  if (result.status === 'sent') return { status: 'sent', record: recordOf(result.data) };
  if (result.status === 'queued') return { status: 'queued', entryId: result.entry.id };
  return { status: 'failed', code: result.error.code, issues: result.error.issues, entryId: result.entry.id };
}

/**
 * Follows a complaint kept in the outbox (by this page or an earlier one) until it is delivered
 * or refused, and tries it now. Returns the function that stops following.
 */
export function followComplaint(client: KithCore, entryId: string, done: (outcome: ComplaintOutcome) => void): () => void {
  return followEntry(client.outbox, entryId, (fate) =>
    done(
      fate.status === 'failed'
        ? { status: 'failed', code: fate.entry.error?.code ?? 'validation', issues: fate.entry.error?.issues ?? [], entryId, body: fate.entry.body }
        : { status: 'sent', record: fate.status === 'delivered' ? recordOf(fate.body) : undefined },
    ),
  );
}
