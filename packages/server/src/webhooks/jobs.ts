import type { Job } from '../jobs/scheduler.js';

/** Complaint deadline warnings and webhook delivery retries (work in progress). */
export const webhookJobs: Job[] = [];
