import type { KithEvent } from '@kith/schema';
import type { Queryable } from '../db/database.js';

/** Queues a delivery of the event to every active endpoint subscribed to its type (work in progress). */
export async function enqueueWebhookDeliveries(_tx: Queryable, _event: KithEvent, _at: Date): Promise<void> {}
