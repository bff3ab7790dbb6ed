import type { Job } from '../jobs/scheduler.js';

/** Deletes idempotency records, webhook logs and events older than the retention settings (work in progress). */
export const retentionJobs: Job[] = [];
