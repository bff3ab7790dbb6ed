// What a subscription may name, checked the same way before and after the stream code loads.
import type { Topic } from '@kith/schema';
import { TOPIC_PATTERN } from '@kith/schema/topic-pattern';

/** The server's limit of topics per stream. */
export const MAX_LIVE_TOPICS = 20;

/** Throws the `TypeError` of live.subscribe for an empty list or a malformed topic. */
export function checkTopics(topics: readonly Topic[]): void {
  if (!topics.length) throw new TypeError('live.subscribe: no topic');
  for (const topic of topics) {
    if (typeof topic !== 'string' || !TOPIC_PATTERN.test(topic)) throw new TypeError(`live.subscribe: ${JSON.stringify(topic)} is not a topic`);
  }
}
