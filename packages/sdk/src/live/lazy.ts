// `client.live` as the core hands it out: the stream code (live.ts, the SSE parser, the
// connection and its schema) is fetched on the first subscription, so a page that never
// follows live updates does not load it. Subscriptions made before it arrives are kept and
// handed over; topics are checked at once, as live.ts would.
import type { KithEvent, Topic } from '@kith/schema';
import type { Live, LiveOptions, LiveStatus, SubscribeOptions } from './live.js';
import { checkTopics, MAX_LIVE_TOPICS } from './topics.js';
import { safely } from '../safely.js';

interface Waiting {
  topics: readonly Topic[];
  onEvent: (event: KithEvent) => void;
  options: SubscribeOptions;
  /** Set once handed to the real stream. */
  stop: (() => void) | undefined;
  active: boolean;
}

/** How long to wait before fetching the stream code again after it failed to load (offline). */
const RELOAD_MS = 5_000;

export function createLazyLive(options: LiveOptions): Live {
  let real: Live | undefined;
  let loading: Promise<void> | undefined;
  const waiting = new Set<Waiting>();

  const announce = (subscriber: Waiting, status: LiveStatus) => safely(() => subscriber.options.onStatus?.(status));

  function load(): void {
    loading ??= import('./live.js').then(
      ({ createLive }) => {
        const live = createLive(options);
        real = live;
        for (const subscriber of waiting) {
          try {
            subscriber.stop = live.subscribe(subscriber.topics, subscriber.onEvent, subscriber.options);
          } catch {
            // Cannot happen: the topics were checked against the same rules when subscribing.
          }
        }
        waiting.clear();
      },
      () => {
        // The chunk could not be fetched (offline, a deploy replaced it): try again later.
        loading = undefined;
        for (const subscriber of waiting) announce(subscriber, 'offline');
        setTimeout(() => waiting.size > 0 && load(), RELOAD_MS);
      },
    );
  }

  return {
    subscribe(topics, onEvent, subscribeOptions = {}) {
      if (real) return real.subscribe(topics, onEvent, subscribeOptions);
      checkTopics(topics);
      const union = new Set([...waiting].flatMap((subscriber) => [...subscriber.topics]).concat(topics));
      if (union.size > MAX_LIVE_TOPICS) throw new RangeError(`live.subscribe: more than ${MAX_LIVE_TOPICS} topics in all`);
      // The real stream reports its own status on hand-over; until then, say what is happening.
      let last: LiveStatus | undefined;
      const onStatus = (status: LiveStatus) => {
        if (status !== last) subscribeOptions.onStatus?.((last = status));
      };
      const subscriber: Waiting = { topics, onEvent, options: { ...subscribeOptions, onStatus }, stop: undefined, active: true };
      waiting.add(subscriber);
      announce(subscriber, 'connecting');
      load();
      return () => {
        if (!subscriber.active) return;
        subscriber.active = false;
        waiting.delete(subscriber);
        subscriber.stop?.();
      };
    },
    get status() {
      return real?.status ?? (waiting.size > 0 ? 'connecting' : 'closed');
    },
    close() {
      waiting.clear();
      real?.close();
    },
  };
}
