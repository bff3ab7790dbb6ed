import { EventsQuery, KithEvent } from '@kith/schema';
import { openEventStream } from '../events/stream.js';
import { authoriseTopics } from '../events/topics.js';
import { validationError } from '../http/errors.js';
import { route } from '../http/route.js';

/** A `Last-Event-ID` is an event id: decimal digits within a bigint. */
const EVENT_ID = /^\d{1,19}$/;
const MAX_EVENT_ID = 9_223_372_036_854_775_807n;

function lastEventId(header: string | undefined): string | null {
  if (header === undefined) return null;
  const value = header.trim();
  if (!EVENT_ID.test(value) || BigInt(value) > MAX_EVENT_ID) {
    throw validationError('Last-Event-ID must be the id of an event (decimal digits).', [{ path: ['Last-Event-ID'], message: 'Not an event id' }]);
  }
  return value;
}

/**
 * `GET /v1/events?topic=…&topic=…`: live updates as Server-Sent Events. Credentials come in
 * the Authorization header only (the SDK reads the stream with `fetch`); the query takes
 * topics and nothing else, so no key or token can sit in a URL or a log. Each topic is
 * checked against the credential (`events/topics.ts`) before the stream opens: any staff
 * token passes the route's access (one without scopes may still follow product topics).
 */
export const eventsRoute = route({
  method: 'GET',
  path: '/v1/events',
  summary: 'Live updates (Server-Sent Events) for topics; resume with Last-Event-ID',
  tag: 'events',
  access: { publishable: true, customer: true, staff: true, secret: true },
  query: EventsQuery,
  response: KithEvent,
  stream: 'text/event-stream',
  async handle({ c, db, credential, query }) {
    // The access above already refused it (401); this narrows the type.
    if (credential.kind === 'none') throw new Error('unreachable: a stream without credentials');
    const topics = [...new Set(Array.isArray(query.topic) ? query.topic : [query.topic])];
    const access = await authoriseTopics(db, credential, topics);
    const resumeAfter = lastEventId(c.req.header('Last-Event-ID'));
    const services = c.get('services');
    return openEventStream({
      hub: services.hub,
      keys: services.keys,
      credential,
      access,
      topics,
      lastEventId: resumeAfter,
      heartbeatMs: services.settings.events.heartbeatMs,
      now: c.get('now'),
      signal: c.req.raw.signal,
      log: c.get('log'),
    });
  },
});

/** The routes of this file. */
export const eventsRoutes = [eventsRoute];
