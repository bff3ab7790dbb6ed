// The star summaries of a listing's tiles, asked for together: one request per client for
// every tile that starts reading in the same task (at most MAX_AGGREGATE_PRODUCTS ids each).
import { MAX_AGGREGATE_PRODUCTS, ProductRef, type ReviewAggregates } from '@kith/schema';
import { KithError, type KithCore, type Read, type ReadState } from '@kith/sdk/core';
import { reviews } from '@kith/sdk/resources/reviews';
import { resourceOf } from '../internal/resource-of.js';

/** One product's summary in a batch answer. */
export type RatingSummary = ReviewAggregates['items'][number];

type Observer = (state: ReadState<RatingSummary>) => void;

const LOADING: ReadState<RatingSummary> = {
  status: 'loading', data: undefined, source: undefined, fetchedAt: undefined, error: undefined, revalidating: true,
};

/** The tiles that wait on one product: an observer per tile. */
type Waiting = Set<Observer>;

/** One batch request and the tiles that wait on it, by product. */
interface Group {
  readonly waiting: ReadonlyMap<string, Waiting>;
  stop?: (() => void) | undefined;
}

/** Collects the products of one client's tiles and reads them in batches. */
class AggregateBatcher {
  readonly #core: KithCore;
  /** Products asked for since the last flush. */
  #pending = new Map<string, Waiting>();
  #scheduled = false;
  /** The batch each product's tiles wait on, once sent. */
  readonly #groups = new WeakMap<Waiting, Group>();
  /** The last state each product was seen in (what `Read.state` answers). */
  readonly #latest = new Map<string, ReadState<RatingSummary>>();

  constructor(core: KithCore) {
    this.#core = core;
  }

  state(id: string): ReadState<RatingSummary> {
    return this.#latest.get(id) ?? LOADING;
  }

  subscribe(product: string, observer: Observer): () => void {
    // A reference the server would refuse fails this tile alone, not the whole batch.
    const ref = ProductRef.safeParse(product);
    if (!ref.success) {
      const error = new KithError('validation', `<kith-rating>: ${JSON.stringify(product)} is not a product id.`);
      queueMicrotask(() => observer({ ...LOADING, status: 'error', error, revalidating: false }));
      return () => undefined;
    }
    // As the server reads it (trimmed): two spellings of one product are one entry of the batch.
    const id = ref.data;
    if (!this.#scheduled) {
      this.#scheduled = true;
      // A macrotask, not a microtask: tiles a framework renders in several promise turns of one
      // task still land in one batch. (Not requestAnimationFrame: it never fires in a hidden tab.)
      setTimeout(() => this.#flush(), 0);
    }
    let waiting = this.#pending.get(id);
    if (!waiting) this.#pending.set(id, (waiting = new Set()));
    waiting.add(observer);
    const pending = this.#pending;
    return () => {
      waiting.delete(observer);
      if (waiting.size > 0) return;
      const group = this.#groups.get(waiting);
      if (!group) {
        // Gone before the batch was sent: not asked for at all.
        if (pending.get(id) === waiting) pending.delete(id);
      } else if ([...group.waiting.values()].every((set) => set.size === 0)) {
        // Nobody waits on the batch any more: the SDK cancels the request if nobody else reads it.
        group.stop?.();
        group.stop = undefined;
      }
    };
  }

  #flush(): void {
    const pending = this.#pending;
    this.#pending = new Map();
    this.#scheduled = false;
    // In the order the tiles asked (the page's order), each product once: the same listing asks
    // the same question again, so the SDK's cache (memory, then IndexedDB) answers it offline.
    const ids = [...pending.keys()];
    for (let start = 0; start < ids.length; start += MAX_AGGREGATE_PRODUCTS) {
      const chunk = ids.slice(start, start + MAX_AGGREGATE_PRODUCTS);
      const group: Group = { waiting: new Map(chunk.map((id) => [id, pending.get(id) ?? new Set<Observer>()])) };
      for (const waiting of group.waiting.values()) this.#groups.set(waiting, group);
      const read = resourceOf(this.#core, reviews).aggregates({ productId: chunk });
      let stopped = false;
      const stop = read.subscribe((state) => this.#deliver(chunk, group, state));
      group.stop = () => {
        if (!stopped) stop();
        stopped = true;
      };
      // Every tile may already have gone (the subscription answers a saved value at once).
      if ([...group.waiting.values()].every((set) => set.size === 0)) group.stop();
    }
  }

  /** Hands each tile its product's share of the batch's state (answers come in request order). */
  #deliver(ids: readonly string[], group: Group, state: ReadState<ReviewAggregates>): void {
    const items = state.data?.items;
    const mismatch = items !== undefined && items.length !== ids.length;
    ids.forEach((id, i) => {
      const item: ReadState<RatingSummary> = mismatch
        ? { ...state, status: 'error', data: undefined, error: new KithError('invalid_response', `The server answered ${items.length} ratings for ${ids.length} products.`) }
        : { ...state, data: items?.[i] };
      this.#latest.set(id, item);
      for (const observer of [...(group.waiting.get(id) ?? [])]) observer(item);
    });
  }
}

const batchers = new WeakMap<KithCore, AggregateBatcher>();

/**
 * A product's star summary as a `Read`: observed, it joins the next batch of its client (one
 * request for every tile of a listing); awaited, it waits for the server's answer.
 */
export function ratingOf(core: KithCore, productId: string): Read<RatingSummary> {
  let batcher = batchers.get(core);
  if (!batcher) batchers.set(core, (batcher = new AggregateBatcher(core)));
  const owner = batcher;
  // Started on the first `then`, like the SDK's reads: a failure nobody awaits is not an unhandled rejection.
  let answer: Promise<RatingSummary> | undefined;
  const awaited = () =>
    (answer ??= new Promise<RatingSummary>((resolve, reject) => {
      const stop = owner.subscribe(productId, (state) => {
        if (state.status === 'fresh' && state.data) resolve(state.data);
        else if (state.status === 'error' || (state.status === 'stale' && state.error)) reject(state.error);
        else return;
        queueMicrotask(stop);
      });
    }));
  return {
    subscribe: (observer) => owner.subscribe(productId, observer),
    get state() {
      return owner.state(productId);
    },
    then: (onFulfilled, onRejected) => awaited().then(onFulfilled, onRejected),
    catch: (onRejected) => awaited().catch(onRejected),
    finally: (onFinally) => awaited().finally(onFinally),
    [Symbol.toStringTag]: 'Promise',
  };
}
