// Complaint deadline warnings: `complaint.due_soon` two hours before a complaint's 24-hour
// deadline and `complaint.overdue` once it has passed, for complaints still waiting for an
// answer (open or in progress, never answered — the same rule as `isOverdue`). Published
// like any event (topic `inbox`, staff only), so they reach live streams and webhooks.
import type { Complaint, EventType } from '@kith/schema';
import type { Database, SqlValue } from '../db/database.js';
import { iso, isoOrNull } from '../db/rows.js';
import { publishEvent } from '../events/publish.js';

/** `complaint.due_soon` fires this long before the deadline. */
export const DUE_SOON_MS = 2 * 3_600_000;

interface WarnedRow {
  id: string;
  customer_id: string | null;
  complaint_status: Complaint['status'];
  category: Complaint['category'];
  due_at: Date;
  answered_at: Date | null;
}

/**
 * The event's data: the complaint's state, as the inbox's other complaint events carry it
 * (no contact details or text: a receiver reads `GET /v1/feedback/:id` with its key).
 */
const warningData = (row: WarnedRow) => ({
  feedbackId: row.id, status: row.complaint_status, dueAt: iso(row.due_at), answeredAt: isoOrNull(row.answered_at),
  customerId: row.customer_id, category: row.category,
});

/** Complaints warned per transaction. */
const BATCH = 100;

/** Still waiting for the shop's answer. */
const WAITING = `kind = 'complaint' AND complaint_status IN ('open', 'in_progress') AND answered_at IS NULL`;

/**
 * Which complaints a warning is for, and what claiming it sets. Each warning is claimed by
 * setting its column where it is still null, so however many instances run the job, each
 * complaint gets each warning once. A complaint first seen already past its deadline (the
 * server was down, or the job ran late) gets `overdue` only: a "due soon" after the
 * deadline would be noise, so claiming `overdue` marks `due_soon` as done too.
 * Parameters: `$1` now, `$2` the batch size, `$3` (due soon only) the end of the window.
 */
const WARNINGS: readonly { type: EventType; set: string; when: string; params(now: Date): SqlValue[] }[] = [
  {
    type: 'complaint.due_soon',
    set: 'due_soon_notified_at = $1',
    when: 'due_soon_notified_at IS NULL AND overdue_notified_at IS NULL AND due_at BETWEEN $1 AND $3',
    params: (now) => [now, BATCH, new Date(now.getTime() + DUE_SOON_MS)],
  },
  {
    type: 'complaint.overdue',
    // `isOverdue`: at the deadline itself a complaint is due, not late.
    set: 'overdue_notified_at = $1, due_soon_notified_at = COALESCE(due_soon_notified_at, $1)',
    when: 'overdue_notified_at IS NULL AND due_at < $1',
    params: (now) => [now, BATCH],
  },
];

/** Publishes the warnings due at `now`; returns how many of each type were sent. */
export async function warnComplaintDeadlines(db: Database, now: Date): Promise<Partial<Record<EventType, number>>> {
  const sent: Partial<Record<EventType, number>> = {};
  for (const warning of WARNINGS) {
    for (;;) {
      // Claim and publish in one transaction: a failed publish un-claims the warning.
      const count = await db.transaction(async (tx) => {
        const { rows } = await tx.query<WarnedRow>(
          `WITH f AS (
             UPDATE feedback SET ${warning.set}
              WHERE id IN (SELECT id FROM feedback WHERE ${WAITING} AND ${warning.when}
                            ORDER BY due_at, id LIMIT $2 FOR UPDATE SKIP LOCKED)
                AND ${WAITING} AND ${warning.when}
             RETURNING id, customer_id, complaint_status, category, due_at, answered_at)
           SELECT * FROM f ORDER BY due_at, id`,
          warning.params(now),
        );
        for (const row of rows) {
          await publishEvent(tx, { topic: 'inbox', type: warning.type, audience: 'staff', data: warningData(row) }, now);
        }
        return rows.length;
      });
      sent[warning.type] = (sent[warning.type] ?? 0) + count;
      if (count < BATCH) break;
    }
  }
  return sent;
}
