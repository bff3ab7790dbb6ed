// Handing a complaint to the outbox (like a review: kept and delivered exactly once, also after a
// reload) and following a kept one until it is delivered or refused. Part of the complaint's chunk.
import { CreatedFeedback, type ComplaintStatus, type NewComplaint } from '@kith/schema';
import type { KithCore, KithErrorCode, OutboxEntry, OutboxEvent, WriteResult } from '@kith/sdk/core';
import { submitFeedback } from '@kith/sdk/resources/feedback';

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
  const outbox = client.outbox;
  let settled = false;
  // Assigned once subscribed; `finish` may run from the subscription's first call, before that.
  let stop: (() => void) | undefined = undefined;
  const finish = (outcome: ComplaintOutcome) => {
    if (settled) return;
    settled = true;
    stop?.();
    done(outcome);
  };
  /** Seen among this subject's entries: until then an empty list says nothing (no credential yet). */
  let seen = false;
  const check = (entries: readonly OutboxEntry[]) => {
    const entry = entries.find((candidate) => candidate.id === entryId);
    if (entry) seen = true;
    if (entry?.state === 'failed') {
      finish({ status: 'failed', code: entry.error?.code ?? 'validation', issues: entry.error?.issues ?? [], entryId, body: entry.body });
    }
    return entry;
  };
  stop = outbox.subscribe((event: OutboxEvent) => {
    if (event.type === 'delivered' && event.entry.id === entryId) finish({ status: 'sent', record: recordOf(event.body) });
    // Seen, then gone: delivered by another tab sharing the outbox, whose answer this page does not see.
    // The store says "gone" just before the outbox says "delivered" (with the answer): wait a task for that first.
    else if (event.type === 'change' && !check(event.entries) && seen && !outbox.degraded) setTimeout(() => finish({ status: 'sent', record: undefined }));
  });
  if (settled) stop();
  void outbox.flush().then(() => {
    if (!check(outbox.entries) && !outbox.degraded) finish({ status: 'sent', record: undefined });
  });
  return () => {
    settled = true;
    stop?.();
  };
}
