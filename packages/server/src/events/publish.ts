import type { EventAudience, EventType, KithEvent, Topic } from '@kith/schema';
import type { Queryable } from '../db/database.js';
import { enqueueWebhookDeliveries } from '../webhooks/enqueue.js';
import { must } from '../util/must.js';

/** The NOTIFY channel announcing a committed event's id to every instance. */
export const EVENTS_CHANNEL = 'kith_events';

/** What a write reports. */
export interface NewEvent {
  topic: Topic;
  type: EventType;
  audience: EventAudience;
  data: Record<string, unknown>;
  /**
   * False on a copy of an event also published on another topic (a complaint's copy for
   * its author, a review's copy for its product): webhooks get each happening once.
   */
  webhook?: boolean;
}

/**
 * Records an event in the write's own transaction and announces it: streams on every
 * instance receive it after commit (never for a rolled-back write), and the matching
 * webhook deliveries are queued in the same transaction (exactly once per endpoint).
 */
export async function publishEvent(tx: Queryable, event: NewEvent, at: Date): Promise<KithEvent> {
  const { rows } = await tx.query<{ id: number | string }>(
    'INSERT INTO events (topic, type, audience, data, at) VALUES ($1, $2, $3, $4::jsonb, $5) RETURNING id',
    [event.topic, event.type, event.audience, JSON.stringify(event.data), at],
  );
  const id = String(must(rows[0], 'the inserted event').id);
  // `<id> <topic>`: an instance with no stream on the topic need not read the row.
  await tx.query('SELECT pg_notify($1, $2)', [EVENTS_CHANNEL, `${id} ${event.topic}`]);
  const published: KithEvent = { id, topic: event.topic, type: event.type, at: at.toISOString(), data: event.data };
  if (event.webhook !== false) await enqueueWebhookDeliveries(tx, published, at);
  return published;
}
