import { pointExpiryJob } from '../loyalty/expiry-job.js';
import { retentionJobs } from '../privacy/retention-job.js';
import { webhookJobs } from '../webhooks/jobs.js';
import type { Job } from './scheduler.js';

/** Every periodic job, in the order a round runs them. */
export const jobs: readonly Job[] = [...webhookJobs, pointExpiryJob, ...retentionJobs];
