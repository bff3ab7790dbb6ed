import { InteractionPage, type InteractionQuery } from '@kith/schema';
import type { KithCore } from '../../core.js';
import type { Read, ReadOptions } from '../../reads/types.js';
import { seg } from '../shared.js';

/**
 * {@link InteractionsResource.list} on its own (exported by `@kith/sdk/resources/interactions`):
 * a page that shows a customer's timeline carries neither the write's code nor its schema.
 * Newest first, filtered by the server over all rows, with the total and facet counts; observed,
 * it follows `customer:<id>`.
 */
export function getTimeline(core: KithCore, customerId: string, query?: InteractionQuery, options?: ReadOptions): Read<InteractionPage> {
  return core.read(
    { path: `/v1/customers/${seg(customerId)}/interactions`, query, schema: InteractionPage, topics: [`customer:${customerId}`] },
    options,
  );
}
