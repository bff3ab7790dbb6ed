import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isKithError, KithError, type Read, type ReadState } from '@kith/sdk/core';

/** The states a read goes through; each one is rendered on purpose. */
export const ResourceStatus = {
  /** Nothing to read yet (no id, or no client configured). */
  idle: 'idle',
  loading: 'loading',
  ready: 'ready',
  /** The answer holds nothing to show (see `isEmpty`). */
  empty: 'empty',
  /** Saved data shown because the server cannot be reached (offline, down, too slow): `error` says why. */
  offline: 'offline',
  /** Saved data shown because the latest could not be loaded for another reason: `error` says why. */
  stale: 'stale',
  error: 'error',
  notFound: 'not_found',
  /** The credential may not read it (`forbidden`): a sign-in (a token) is needed. */
  notAuthorized: 'not_authorized',
} as const;
export type ResourceStatus = (typeof ResourceStatus)[keyof typeof ResourceStatus];

export interface ResourceOptions<T, A extends readonly unknown[]> {
  /** What to read now; `undefined` means nothing. A change (element-wise `===`) reads again. */
  args: () => A | undefined;
  /** The SDK read to observe (cached value at once, then fresh, then live). */
  read: (args: A) => Read<T>;
  /** New data is shown (cached, fresh or live). */
  onReady?: (value: T) => void;
  /** Nothing can be shown, or saved data is shown because the latest could not be loaded. */
  onError?: (error: KithError) => void;
  /** An answer with nothing to show (an empty list): rendered as `empty`. */
  isEmpty?: (value: T) => boolean;
  /** Start reading only when the element comes near the viewport (IntersectionObserver). Default true. */
  lazy?: boolean;
}

/** How far outside the viewport an element starts reading. */
const NEAR_VIEWPORT = '200px';

const sameArgs = (a: readonly unknown[] | undefined, b: readonly unknown[] | undefined) =>
  a === b || (a !== undefined && b !== undefined && a.length === b.length && a.every((value, i) => value === b[i]));

/** Errors after which saved data must not be shown any more: the credential may no longer read it. */
const HIDES_DATA = new Set(['not_found', 'forbidden', 'unauthorized']);

const toKithError = (reason: unknown) =>
  isKithError(reason) ? reason : new KithError('server', reason instanceof Error ? reason.message : String(reason), { cause: reason });

/**
 * The data controller: binds an SDK read to an element. It starts when the element comes near
 * the viewport, renders the cached value at once, then the fresh one, then live updates; reads
 * again when the arguments change; stops on disconnect (which cancels the request when nobody
 * else reads it) and starts again when the element is added back (single-page navigation).
 */
export class ResourceController<T, A extends readonly unknown[]> implements ReactiveController {
  status: ResourceStatus = ResourceStatus.idle;
  value: T | undefined = undefined;
  error: KithError | undefined = undefined;

  readonly #host: ReactiveControllerHost;
  readonly #options: ResourceOptions<T, A>;
  #args: A | undefined = undefined;
  #stop: (() => void) | undefined = undefined;
  #interrupted = false;
  /** Near the viewport at least once since connected (or not lazy, or no IntersectionObserver). */
  #visible = false;
  #observer: IntersectionObserver | undefined;

  constructor(host: ReactiveControllerHost, options: ResourceOptions<T, A>) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    const host = this.#host as ReactiveControllerHost & Partial<Element>;
    if (this.#visible || this.#options.lazy === false || typeof IntersectionObserver !== 'function' || !(host instanceof Element)) {
      this.#visible = true;
    } else {
      // A card far down a long page reads when it is about to be seen, not at page load.
      this.#observer = new IntersectionObserver(
        (entries) => {
          if (!entries.some((entry) => entry.isIntersecting)) return;
          this.#observer?.disconnect();
          this.#observer = undefined;
          this.#visible = true;
          this.#host.requestUpdate();
        },
        { rootMargin: NEAR_VIEWPORT },
      );
      this.#observer.observe(host);
    }
    if (this.#interrupted) this.#host.requestUpdate();
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
    if (this.#stop) {
      this.#stop();
      this.#stop = undefined;
      this.#interrupted = true;
    }
  }

  /** Runs before each render: the state rendered is already the one for the current args. */
  hostUpdate(): void {
    const args = this.#options.args();
    if (!this.#visible) {
      // Not near the viewport yet: nothing is fetched, but what this page already holds in memory
      // is shown at once (a card added back by single-page navigation), else the loading state.
      this.status = args === undefined ? ResourceStatus.idle : ResourceStatus.loading;
      const saved = args === undefined ? undefined : this.#peek(args);
      if (saved !== undefined) {
        this.value = saved;
        this.status = this.#options.isEmpty?.(saved) ? ResourceStatus.empty : ResourceStatus.ready;
      }
      return;
    }
    if (this.#interrupted || !sameArgs(args, this.#args)) this.#run(args);
  }

  /** The read's value in this page's memory, without starting it. */
  #peek(args: A): T | undefined {
    try {
      return this.#options.read(args).state.data;
    } catch {
      return undefined;
    }
  }

  /** Reads again with the current arguments (a Retry button). */
  retry(): void {
    this.#run(this.#options.args());
    this.#host.requestUpdate();
  }

  #run(args: A | undefined): void {
    this.#stop?.();
    this.#stop = undefined;
    this.#interrupted = false;
    const changed = !sameArgs(args, this.#args);
    this.#args = args;
    if (changed) this.value = undefined;
    this.error = undefined;
    if (args === undefined) {
      this.status = ResourceStatus.idle;
      this.value = undefined;
      return;
    }
    this.status = this.value === undefined ? ResourceStatus.loading : this.status;
    let read: Read<T>;
    try {
      read = this.#options.read(args);
    } catch (reason) {
      this.#apply({ status: 'error', data: undefined, source: undefined, fetchedAt: undefined, error: toKithError(reason), revalidating: false }, true);
      return;
    }
    let synchronous = true;
    this.#stop = read.subscribe((state) => this.#apply(state, !synchronous));
    synchronous = false;
  }

  /** Maps the read's state onto the element's; `update` is false during `hostUpdate` (render follows anyway). */
  #apply(state: ReadState<T>, update: boolean): void {
    const before = { status: this.status, value: this.value, error: this.error };
    const error = state.error ? toKithError(state.error) : undefined;
    if (error && HIDES_DATA.has(error.code)) {
      this.value = undefined;
      this.error = error;
      this.status =
        error.code === 'not_found' ? ResourceStatus.notFound : error.code === 'forbidden' ? ResourceStatus.notAuthorized : ResourceStatus.error;
    } else if (state.data !== undefined) {
      this.value = state.data;
      this.error = error;
      const unreachable = error?.code === 'network' || error?.code === 'timeout';
      this.status = error
        ? unreachable
          ? ResourceStatus.offline
          : ResourceStatus.stale
        : this.#options.isEmpty?.(state.data)
          ? ResourceStatus.empty
          : ResourceStatus.ready;
    } else if (error) {
      this.value = undefined;
      this.error = error;
      this.status = ResourceStatus.error;
    } else {
      this.status = ResourceStatus.loading;
    }
    if (before.status === this.status && before.value === this.value && before.error === this.error) return;
    if (update) this.#host.requestUpdate();
    if (this.value !== undefined && this.value !== before.value) this.#options.onReady?.(this.value);
    if (this.error && this.error !== before.error) this.#options.onError?.(this.error);
  }
}
