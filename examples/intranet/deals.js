// A customer's deals, read through the SDK: `<kith-pipeline>` shows a whole pipeline (the
// deals the viewer may see), so the page finds the customer's own deals itself, and which
// pipeline to show. A person's deals include their organisation's (deals are often the
// company's, worked with its buyer).
import { isOpportunity, isPipeline, pageOf } from './shapes.js';

const pipelinePage = pageOf(isPipeline);
const opportunityPage = pageOf(isOpportunity);

/** Every deal of a pipeline the viewer may see (the board's pages are up to 500). */
async function allDeals(client, pipelineId) {
  const deals = [];
  let cursor;
  do {
    const page = await client.send({ method: 'GET', path: `/v1/pipelines/${encodeURIComponent(pipelineId)}/opportunities`, query: { limit: 500, cursor }, schema: opportunityPage });
    deals.push(...page.items);
    cursor = page.next ?? undefined;
  } while (cursor);
  return deals;
}

/**
 * The pipeline with most of this customer's deals (else the first), and those deals.
 * @returns {Promise<{ pipeline: { id: string, name: string, stages: { id: string, name: string }[] } | null, deals: object[] }>}
 */
export async function customerDeals(client, customer) {
  const ids = new Set([customer.id, customer.organisationId].filter(Boolean));
  const { items: pipelines } = await client.send({ method: 'GET', path: '/v1/pipelines', query: { limit: 100 }, schema: pipelinePage });
  let best = { pipeline: pipelines[0] ?? null, deals: [] };
  for (const pipeline of pipelines) {
    const deals = (await allDeals(client, pipeline.id)).filter((deal) => ids.has(deal.customerId));
    if (deals.length > best.deals.length) best = { pipeline, deals };
  }
  return best;
}
