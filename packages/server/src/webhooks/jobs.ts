import type { Job } from '../jobs/scheduler.js';
import { warnComplaintDeadlines } from './deadlines.js';
import { advancingFrom, deliverDue } from './deliver.js';

/** Publishes `complaint.due_soon` / `complaint.overdue`; each complaint gets each once, however many instances run it. */
export const complaintDeadlineJob: Job = {
  name: 'complaint deadline warnings',
  async run({ db, now, log }) {
    const sent = await warnComplaintDeadlines(db, now);
    const total = Object.values(sent).reduce((sum, n) => sum + n, 0);
    if (total > 0) log(`webhooks: complaint warnings ${JSON.stringify(sent)}`);
  },
};

/**
 * Sends the deliveries whose retry has fallen due (new ones go out at once when the
 * dispatcher is woken; this catches retries and anything a lost notification left behind).
 * Runs after the deadline job, so that round's warnings go out in the same round.
 */
export const webhookRetryJob: Job = {
  name: 'webhook deliveries',
  async run({ db, now, settings, log }) {
    await deliverDue(db, { settings, log, now: advancingFrom(now) });
  },
};

/** Complaint deadline warnings and webhook delivery retries. */
export const webhookJobs: Job[] = [complaintDeadlineJob, webhookRetryJob];
