// Which pipeline to show on a customer's page: the first one holding a deal of theirs (the board
// then shows only their deals, `customer-id`), else the first one the viewer may see. Read
// through the SDK with the server's `customerId` filter: one small request per pipeline.
import { isOpportunity, isPipeline, pageOf } from './shapes.js';

const pipelinePage = pageOf(isPipeline);
const opportunityPage = pageOf(isOpportunity);

/**
 * @returns {Promise<{ pipeline: { id: string, name: string } | null, hasDeals: boolean }>}
 */
export async function customerBoard(client, customerId) {
  const { items: pipelines } = await client.send({ method: 'GET', path: '/v1/pipelines', query: { limit: 100 }, schema: pipelinePage });
  for (const pipeline of pipelines) {
    const path = `/v1/pipelines/${encodeURIComponent(pipeline.id)}/opportunities`;
    const { items } = await client.send({ method: 'GET', path, query: { customerId, limit: 1 }, schema: opportunityPage });
    if (items.length > 0) return { pipeline, hasDeals: true };
  }
  return { pipeline: pipelines[0] ?? null, hasDeals: false };
}
