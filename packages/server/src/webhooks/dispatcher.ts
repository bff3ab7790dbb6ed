import type { Database } from '../db/database.js';
import type { Clock } from '../http/env.js';
import type { ServerSettings } from '../settings.js';

/** Sends queued webhook deliveries (work in progress). */
export class WebhookDispatcher {
  constructor(readonly options: { db: Database; settings: ServerSettings; clock: Clock; log: (line: string) => void }) {}

  async start(): Promise<void> {}

  async close(): Promise<void> {}
}
