// Who may read which live-update topic, decided when the stream opens, and which events of
// those topics reach it, decided per event.
import type { EventAudience, Scope } from '@kith/schema';
import type { Credential } from '../auth/credential.js';
import type { Queryable } from '../db/database.js';
import { forbidden } from '../http/auth.js';
import { canSeeCustomer, visibilityOf, visibleOpportunities, type Visibility } from '../visibility/visibility.js';
import type { HubEvent } from './hub.js';

/** What an open stream may receive of the topics it was allowed. */
export interface TopicAccess {
  /** Whether this event (of one of the stream's topics) may be sent on the stream. */
  admits(event: HubEvent): Promise<boolean>;
}

/** The audiences each kind of credential may hear: a pk only public events, a customer also its own. */
const AUDIENCES: Record<'publishable' | 'customer' | 'staff' | 'secret', ReadonlySet<EventAudience>> = {
  publishable: new Set(['public']),
  customer: new Set(['public', 'customer']),
  staff: new Set(['public', 'customer', 'staff']),
  secret: new Set(['public', 'customer', 'staff']),
};

/** The scope a staff token needs per topic kind; product topics are public. */
const STAFF_SCOPE: Record<string, Scope | null> = {
  inbox: 'feedback:read',
  customer: 'customers:read',
  pipeline: 'opportunities:read',
  product: null,
};

const kindOf = (topic: string) => topic.split(':', 1)[0] as string;
const idOf = (topic: string) => topic.slice(topic.indexOf(':') + 1);

/** A credential that authenticated someone (a request without one is a 401 before this). */
export type StreamCredential = Exclude<Credential, { kind: 'none' }>;

/**
 * Checks every requested topic against the credential and returns the per-event filter.
 * 403 for any topic the credential may not read (a customer that is not visible answers
 * 403 too, like one that does not exist: nothing leaks).
 * - publishable key: `product:*` only, public events;
 * - customer token: its own `customer:<id>` and `product:*`, public and customer events;
 * - staff token: `inbox` with `feedback:read`, `customer:<id>` with `customers:read` for a
 *   customer they see, `pipeline:<id>` with `opportunities:read` (each deal's events only
 *   if they see that deal), `product:*`;
 * - secret key: everything.
 */
export async function authoriseTopics(db: Queryable, credential: StreamCredential, topics: readonly string[]): Promise<TopicAccess> {
  switch (credential.kind) {
    case 'publishable':
      for (const topic of topics) {
        if (kindOf(topic) !== 'product') throw forbidden(`A publishable key reads product topics only, not ${topic}.`);
      }
      return byAudience(AUDIENCES.publishable);
    case 'customer':
      for (const topic of topics) {
        if (kindOf(topic) !== 'product' && topic !== `customer:${credential.customerId}`) {
          throw forbidden(`A customer token reads its own customer topic and product topics only, not ${topic}.`);
        }
      }
      return byAudience(AUDIENCES.customer);
    case 'secret':
      return byAudience(AUDIENCES.secret);
    case 'staff':
      return staffAccess(db, credential, topics);
  }
}

function byAudience(audiences: ReadonlySet<EventAudience>): TopicAccess {
  return { admits: (event) => Promise.resolve(audiences.has(event.audience)) };
}

async function staffAccess(db: Queryable, credential: Credential & { kind: 'staff' }, topics: readonly string[]): Promise<TopicAccess> {
  const viewer = await visibilityOf(db, credential);
  for (const topic of topics) {
    const scope = STAFF_SCOPE[kindOf(topic)];
    if (scope && !credential.scopes.includes(scope)) throw forbidden(`The topic ${topic} needs a staff token with the scope ${scope}.`);
    if (kindOf(topic) === 'customer' && !(await canSeeCustomer(db, viewer, idOf(topic)))) {
      throw forbidden(`The topic ${topic} is not a customer you can see.`);
    }
  }
  // Admins and support see every record; everyone else is checked event by event, at the
  // moment of delivery (a deal handed to someone else stops reaching the old board).
  if (viewer.kind === 'all') return byAudience(AUDIENCES.staff);
  return {
    async admits(event) {
      if (kindOf(event.topic) === 'pipeline') return seesOpportunity(db, viewer, event.data);
      // Inbox events name the customer whose feedback it is (null for guests'): staff see
      // the feedback of customers they see, and guests', as in GET /v1/feedback.
      const customerId = event.data.customerId;
      if (kindOf(event.topic) === 'inbox' && typeof customerId === 'string') return canSeeCustomer(db, viewer, customerId);
      return true;
    },
  };
}

/**
 * A pipeline event reaches a staff user who sees the deal now, or who saw it before an
 * owner change (`previousOwnerId` within their team), so the card can leave their board.
 * A deal that no longer exists reaches only those who see everything.
 */
async function seesOpportunity(db: Queryable, viewer: Visibility, data: Record<string, unknown>): Promise<boolean> {
  if (viewer.kind !== 'staff' || typeof data.opportunityId !== 'string') return false;
  const visible = visibleOpportunities(viewer, 'o', 3);
  const previous = typeof data.previousOwnerId === 'string' ? data.previousOwnerId : null;
  const { rows } = await db.query<{ sees: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM opportunities o WHERE o.id = $1 AND ${visible.sql})
         OR ($2::uuid IS NOT NULL AND $2::uuid IN (SELECT id FROM kith_staff_scope($3::uuid))) AS sees`,
    [data.opportunityId, previous, ...visible.params],
  );
  return rows[0]?.sees === true;
}
