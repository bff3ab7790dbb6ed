// The shape of a live-update topic as a plain RegExp (no zod), so code that only checks topics
// — the SDK's live client — does not bundle the schema library for it.
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** `customer:<id>`, `pipeline:<id>`, `product:<id>` or `inbox`. */
export const TOPIC_PATTERN = new RegExp(`^(?:(?:customer|pipeline|product):${UUID}|inbox)$`);
