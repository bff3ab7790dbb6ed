import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isKithError, KithError } from '@kith/sdk';

/** The states a fetched resource goes through; each one is rendered on purpose. */
export const ResourceStatus = {
  /** Nothing to fetch yet (no id, or no client configured). */
  idle: 'idle',
  loading: 'loading',
  ready: 'ready',
  error: 'error',
  notFound: 'not_found',
  /** The credential may not read it (`forbidden`): a sign-in (a token) is needed. */
  notAuthorized: 'not_authorized',
} as const;
export type ResourceStatus = (typeof ResourceStatus)[keyof typeof ResourceStatus];

export interface ResourceOptions<T, A extends readonly unknown[]> {
  /** What to fetch now; `undefined` means nothing. A change (element-wise `===`) re-fetches. */
  args: () => A | undefined;
  /** Fetches; must honour the signal (it aborts on a new fetch and on disconnect). */
  fetch: (args: A, signal: AbortSignal) => Promise<T>;
  onReady?: (value: T) => void;
  onError?: (error: KithError) => void;
}

const sameArgs = (a: readonly unknown[] | undefined, b: readonly unknown[] | undefined) =>
  a === b || (a !== undefined && b !== undefined && a.length === b.length && a.every((value, i) => value === b[i]));

/**
 * Carries a fetch for an element: re-fetches when its arguments change, aborts the request in
 * flight on a change or disconnect (and resumes on reconnect), exposes status/value/error.
 */
export class ResourceController<T, A extends readonly unknown[]> implements ReactiveController {
  status: ResourceStatus = ResourceStatus.idle;
  value: T | undefined = undefined;
  error: KithError | undefined = undefined;

  readonly #host: ReactiveControllerHost;
  readonly #options: ResourceOptions<T, A>;
  #args: A | undefined = undefined;
  #inFlight: AbortController | undefined = undefined;
  #interrupted = false;

  constructor(host: ReactiveControllerHost, options: ResourceOptions<T, A>) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    if (this.#interrupted) this.#host.requestUpdate();
  }

  hostDisconnected(): void {
    if (this.#inFlight) {
      this.#inFlight.abort();
      this.#inFlight = undefined;
      this.#interrupted = true;
    }
  }

  /** Runs before each render: the state rendered is already the one for the current args. */
  hostUpdate(): void {
    const args = this.#options.args();
    if (this.#interrupted || !sameArgs(args, this.#args)) this.#run(args);
  }

  /** Fetches again with the current arguments (a Retry button). */
  retry(): void {
    this.#run(this.#options.args());
    this.#host.requestUpdate();
  }

  #run(args: A | undefined): void {
    this.#inFlight?.abort();
    this.#inFlight = undefined;
    this.#interrupted = false;
    this.#args = args;
    this.value = undefined;
    this.error = undefined;
    if (args === undefined) {
      this.status = ResourceStatus.idle;
      return;
    }
    const controller = new AbortController();
    this.#inFlight = controller;
    this.status = ResourceStatus.loading;
    this.#options.fetch(args, controller.signal).then(
      (value) => {
        if (controller !== this.#inFlight) return;
        this.#inFlight = undefined;
        this.status = ResourceStatus.ready;
        this.value = value;
        this.#host.requestUpdate();
        this.#options.onReady?.(value);
      },
      (reason: unknown) => {
        if (controller !== this.#inFlight || controller.signal.aborted) return;
        this.#inFlight = undefined;
        // A custom client that throws something else is still reported as a typed error.
        const error = isKithError(reason)
          ? reason
          : new KithError('server', reason instanceof Error ? reason.message : String(reason), { cause: reason });
        this.status =
          error.code === 'not_found' ? ResourceStatus.notFound : error.code === 'forbidden' ? ResourceStatus.notAuthorized : ResourceStatus.error;
        this.error = error;
        this.#host.requestUpdate();
        this.#options.onError?.(error);
      },
    );
  }
}
