// What the pages check Kith's answers against before using them. The SDK wants a schema with
// `safeParse` (zod's shape; a plain page has no zod): these check the fields the pages read, so
// an unexpected answer is the SDK's typed `invalid_response` error, never a broken page.

const fail = (path, message) => ({ success: false, error: { issues: [{ path, message }] } });

const isObject = (value) => typeof value === 'object' && value !== null;

/** A cursor page (`{ items, next }`) whose every item passes `isItem`. */
export const pageOf = (isItem) => ({
  safeParse(data) {
    if (!isObject(data) || !Array.isArray(data.items)) return fail(['items'], 'Expected a list');
    const bad = data.items.findIndex((item) => !isItem(item));
    if (bad >= 0) return fail(['items', bad], 'Unexpected item');
    if (data.next !== null && typeof data.next !== 'string') return fail(['next'], 'Expected a cursor or null');
    return { success: true, data };
  },
});

export const isCustomer = (c) =>
  isObject(c) && typeof c.id === 'string' && typeof c.name === 'string' && typeof c.kind === 'string' && Array.isArray(c.tags);

export const isPipeline = (p) => isObject(p) && typeof p.id === 'string' && typeof p.name === 'string' && Array.isArray(p.stages);

export const isOpportunity = (o) =>
  isObject(o) && typeof o.id === 'string' && typeof o.customerId === 'string' && typeof o.stageId === 'string' && typeof o.title === 'string' && isObject(o.amount);
