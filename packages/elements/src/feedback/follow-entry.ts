// Following one outbox entry (a review, a complaint) from the moment it is kept to its fate: the
// sending chunks of the feedback kinds share this, so "saved, sent later" means the same for each.
import type { Outbox, OutboxEntry, OutboxEvent } from '@kith/sdk/core';

/**
 * What became of a kept entry: delivered by this page (with the server's answer, unvalidated),
 * gone (delivered by another page, tab or client sharing the outbox, whose answer this page does
 * not see), or refused by the server (the entry, with its error and body, is still there).
 */
export type EntryFate =
  | { status: 'delivered'; body: unknown }
  | { status: 'gone' }
  | { status: 'failed'; entry: OutboxEntry };

/**
 * Follows `entryId` until it is delivered, gone or refused (reported once), and tries it now.
 * Returns the function that stops following.
 */
export function followEntry(outbox: Outbox, entryId: string, report: (fate: EntryFate) => void): () => void {
  let settled = false;
  // Assigned once subscribed; `finish` may run from the subscription's first call, before that.
  let stop: (() => void) | undefined = undefined;
  const finish = (fate: EntryFate) => {
    if (settled) return;
    settled = true;
    stop?.();
    report(fate);
  };
  /** Seen among this subject's entries: until then an empty list says nothing (no credential yet). */
  let seen = false;
  const check = (entries: readonly OutboxEntry[]) => {
    const entry = entries.find((candidate) => candidate.id === entryId);
    if (entry) seen = true;
    if (entry?.state === 'failed') finish({ status: 'failed', entry });
    return entry;
  };
  stop = outbox.subscribe((event: OutboxEvent) => {
    if (event.type === 'delivered' && event.entry.id === entryId) finish({ status: 'delivered', body: event.body });
    // Seen, then gone. The store says "gone" just before this page's outbox says "delivered" (with
    // the answer): wait a task for that first.
    else if (event.type === 'change' && !check(event.entries) && seen && !outbox.degraded) setTimeout(() => finish({ status: 'gone' }));
  });
  if (settled) stop();
  void outbox.flush().then(() => {
    // Not among this subject's entries once the flush knows the subject: delivered by an earlier
    // page after it showed "saved" (or kept for another person's next sign-in, who will send it).
    if (!check(outbox.entries) && !outbox.degraded) finish({ status: 'gone' });
  });
  return () => {
    settled = true;
    stop?.();
  };
}
