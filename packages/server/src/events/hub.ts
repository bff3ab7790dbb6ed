import type { EventAudience, KithEvent } from '@kith/schema';
import type { Database } from '../db/database.js';
import { EVENTS_CHANNEL } from './publish.js';

/** An event with who may see it, as the hub hands it to subscribers. */
export interface HubEvent extends KithEvent {
  audience: EventAudience;
}

/** Why the hub ends a subscription itself (the stream then says so and closes). */
export type HubEndReason = 'server_closing';

/** One stream's interest: its topics, where to deliver, and how to end it. */
interface Subscriber {
  topics: ReadonlySet<string>;
  deliver(event: HubEvent): void;
  end?: ((reason: HubEndReason) => void) | undefined;
}

/** An `events` row (also read by a customer's export). */
export interface EventRow {
  id: number | string;
  topic: string;
  type: string;
  audience: EventAudience;
  data: Record<string, unknown>;
  at: Date;
}

/** The columns of an {@link EventRow}, unqualified (one table in the query). */
export const EVENT_COLUMNS = 'id, topic, type, audience, data, at';

export function toEvent(row: EventRow): HubEvent {
  return {
    id: String(row.id),
    topic: row.topic,
    type: row.type as HubEvent['type'],
    audience: row.audience,
    data: row.data,
    at: row.at.toISOString(),
  };
}

/**
 * The process's fan-out of live events: one `LISTEN kith_events` (on the process's single
 * listening connection) feeds every open stream of this process. A notification carries
 * `<id> <topic>`; the hub reads the row only when some stream here wants that topic.
 * Events of the same commit may arrive in any order across instances; subscribers dedupe by
 * id. After a lost listening connection the hub re-reads what it may have missed.
 */
export class EventHub {
  readonly #db: Database;
  readonly #log: (line: string) => void;
  readonly #subscribers = new Set<Subscriber>();
  #unlisten: (() => Promise<void>) | null = null;
  #starting: Promise<void> | null = null;
  #pending = new Map<string, string>();
  #flushing = false;
  /** The highest id this process has dispatched; a gap is re-read from here. */
  #highWater = 0;

  constructor(db: Database, log: (line: string) => void = () => {}) {
    this.#db = db;
    this.#log = log;
  }

  /** Starts listening (idempotent). */
  start(): Promise<void> {
    return (this.#starting ??= this.#db
      .listen(EVENTS_CHANNEL, (payload) => this.#notified(payload), () => void this.#catchUp())
      .then((unlisten) => {
        this.#unlisten = unlisten;
      }));
  }

  /**
   * Delivers every later event of these topics to `deliver` until the returned function is
   * called. Authorisation is the caller's: the hub only routes by topic. `end` is called
   * (once, instead of further deliveries) when the hub closes under an open subscription.
   */
  subscribe(topics: readonly string[], deliver: (event: HubEvent) => void, end?: (reason: HubEndReason) => void): () => void {
    const subscriber: Subscriber = { topics: new Set(topics), deliver, end };
    this.#subscribers.add(subscriber);
    return () => {
      this.#subscribers.delete(subscriber);
    };
  }

  /** Events of these topics after `afterId` (a `Last-Event-ID`), oldest first, at most `limit`. */
  async since(topics: readonly string[], afterId: string, limit = 500): Promise<HubEvent[]> {
    const { rows } = await this.#db.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE topic = ANY($1::text[]) AND id > $2::bigint ORDER BY id LIMIT $3`,
      [[...topics], afterId, limit],
    );
    return rows.map(toEvent);
  }

  /** How many streams this process serves (operations, tests). */
  get subscriberCount(): number {
    return this.#subscribers.size;
  }

  /** Ends every open subscription (`server_closing`), then stops listening. */
  async close(): Promise<void> {
    const open = [...this.#subscribers];
    this.#subscribers.clear();
    for (const subscriber of open) {
      try {
        subscriber.end?.('server_closing');
      } catch (error) {
        this.#log(`events: a stream failed to end (${(error as Error).message})`);
      }
    }
    await this.#unlisten?.();
    this.#unlisten = null;
  }

  #wanted(topic: string): boolean {
    for (const subscriber of this.#subscribers) if (subscriber.topics.has(topic)) return true;
    return false;
  }

  #notified(payload: string): void {
    const space = payload.indexOf(' ');
    const id = space < 0 ? payload : payload.slice(0, space);
    const topic = space < 0 ? '' : payload.slice(space + 1);
    if (!/^\d+$/.test(id)) return;
    this.#highWater = Math.max(this.#highWater, Number(id));
    if (!this.#wanted(topic)) return;
    this.#pending.set(id, topic);
    if (!this.#flushing) {
      this.#flushing = true;
      // Notifications of one commit arrive together: read them in one query.
      setImmediate(() => void this.#flush());
    }
  }

  /**
   * Reads and dispatches what was notified, one batch at a time: two reads in flight on a
   * pool could finish in either order and hand streams later commits first.
   */
  async #flush(): Promise<void> {
    try {
      while (this.#pending.size > 0) {
        const ids = [...this.#pending.keys()];
        this.#pending.clear();
        try {
          const { rows } = await this.#db.query<EventRow>(`SELECT ${EVENT_COLUMNS} FROM events WHERE id = ANY($1::bigint[]) ORDER BY id`, [ids]);
          this.#dispatch(rows.map(toEvent));
        } catch (error) {
          this.#log(`events: could not read notified events (${(error as Error).message})`);
        }
      }
    } finally {
      this.#flushing = false;
    }
  }

  #dispatch(events: readonly HubEvent[]): void {
    for (const event of events) {
      for (const subscriber of this.#subscribers) {
        if (!subscriber.topics.has(event.topic)) continue;
        // One failing stream must not starve the others.
        try {
          subscriber.deliver(event);
        } catch (error) {
          this.#log(`events: a stream failed to take event ${event.id} (${(error as Error).message})`);
        }
      }
    }
  }

  /** After a reconnect: whatever committed since the last notification seen here. */
  async #catchUp(): Promise<void> {
    const topics = new Set<string>();
    for (const subscriber of this.#subscribers) for (const topic of subscriber.topics) topics.add(topic);
    if (topics.size === 0) return;
    try {
      this.#dispatch(await this.since([...topics], String(this.#highWater), 5_000));
    } catch (error) {
      this.#log(`events: could not catch up after a reconnect (${(error as Error).message})`);
    }
  }
}
