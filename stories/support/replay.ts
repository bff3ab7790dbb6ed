// Real SDK clients whose `fetch` replays recorded answers, so every state of an element is
// reachable offline and the same every time: the SDK validates, caches and maps errors as it
// does against the server; only the network is replaced.
import { createClient, type KithClient } from '@kith/sdk';
import type { Recorded } from './recorded.js';

/** Never contacted: every request is answered by the replaying `fetch` (`.invalid` cannot resolve). */
export const STORY_BASE_URL = 'https://api.kith.invalid';
/** A publishable key for the stories' clients; nothing checks it. */
export const STORY_KEY = 'pk_storybook';

/**
 * What the network does: `replay` answers from the recordings, `hang` never answers (an
 * element stays loading), `offline` fails every request as a browser does when offline.
 */
export type Network = 'replay' | 'hang' | 'offline';

export interface Replay {
  readonly client: KithClient;
  /** Switch at any time, e.g. `offline` after a first answer to show saved data. */
  network: Network;
  /** Answers from now on with these recordings instead (e.g. a refusal after a first answer). */
  use(answers: readonly Recorded[]): void;
}

/** Settles only with the signal's abort: a server that never answers, or the live stream idling. */
function never(signal: AbortSignal | null | undefined): Promise<Response> {
  return new Promise((_resolve, reject) => {
    signal?.addEventListener('abort', () => reject(signal.reason as unknown), { once: true });
  });
}

function requestOf(input: RequestInfo | URL, init?: RequestInit): { method: string; path: string; signal: AbortSignal | null | undefined } {
  const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
  const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
  return { method, path: `${url.pathname}${url.search}`, signal: init?.signal ?? (input instanceof Request ? input.signal : undefined) };
}

/**
 * A client answering from `answers` (matched by method, path and query). A request with no
 * recorded answer fails as a network error and says so in the console: record it in
 * scripts/record-story-data.mjs rather than writing an answer by hand.
 */
export function replay(answers: readonly Recorded[], network: Network = 'replay'): Replay {
  const table = (list: readonly Recorded[]) => new Map(list.map((answer) => [`${answer.method} ${answer.path}`, answer]));
  let byRequest = table(answers);
  const state = {
    network,
    use(next: readonly Recorded[]) {
      byRequest = table(next);
    },
  };
  const replayingFetch: typeof fetch = async (input, init) => {
    const { method, path, signal } = requestOf(input, init);
    // Live updates: a stream that stays open and quiet (the recordings hold no events).
    if (path.startsWith('/v1/events')) return never(signal);
    if (state.network === 'hang') return never(signal);
    if (state.network === 'offline') throw new TypeError('Failed to fetch');
    const answer = byRequest.get(`${method} ${path}`);
    if (!answer) {
      console.error(`[stories] no recorded answer for ${method} ${path}: add it to scripts/record-story-data.mjs`);
      throw new TypeError('Failed to fetch');
    }
    return new Response(JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'content-type': 'application/json', ...answer.headers },
    });
  };
  const client = createClient({
    baseUrl: STORY_BASE_URL,
    key: STORY_KEY,
    fetch: replayingFetch,
    // Memory only, nothing kept between page loads (a write a story queues is not sent at the
    // next visit); one attempt, and no timeout while a story hangs on purpose.
    cache: false,
    outbox: { indexedDB: null },
    retry: false,
    timeoutMs: 24 * 60 * 60 * 1000,
  });
  return Object.assign(state, { client });
}

/** A story loader: `{ client }`, a client answering with `answers` over `network`. */
export const withReplay =
  (answers: readonly Recorded[], network: Network = 'replay') =>
  (): { client: KithClient } => ({ client: replay(answers, network).client });

/**
 * A story loader for saved data: a client that first reads what `prime` reads (the element's
 * saved copy, in the client's memory), then answers with `then`: a network (`offline`) or
 * other recordings (a refusal).
 */
export const withSavedData =
  (answers: readonly Recorded[], prime: (client: KithClient) => Promise<unknown>, then: Network | readonly Recorded[]) =>
  async (): Promise<{ client: KithClient }> => {
    const replaying = replay(answers);
    await prime(replaying.client);
    if (typeof then === 'string') replaying.network = then;
    else replaying.use(then);
    return { client: replaying.client };
  };
