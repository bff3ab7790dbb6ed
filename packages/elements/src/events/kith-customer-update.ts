import type { Customer, CustomerAssignRequest, CustomerPatch } from '@kith/schema';
import type { WriteResult } from '@kith/sdk';

/** Detail of `kith-customer-update`: which field the person edited on the card, and what the write did. */
export type KithCustomerUpdateEventDetail =
  | { customerId: string; field: 'tags'; patch: CustomerPatch; result: WriteResult<Customer> }
  | { customerId: string; field: 'owner'; request: CustomerAssignRequest; result: WriteResult<Customer> };

/**
 * Fired when a person saves an inline edit of tags or owner, once the outbox has answered:
 * `sent`, `queued` (kept, delivered later exactly once) or `failed` (`conflict` when someone else
 * edited first). Never fired when a property is set.
 */
export type KithCustomerUpdateEvent = CustomEvent<KithCustomerUpdateEventDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'kith-customer-update': KithCustomerUpdateEvent;
  }
}
