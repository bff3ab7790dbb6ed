import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface LazyPartOptions<M, P> {
  /** Whether the element shows the part now (a full card, not a compact one). */
  wanted: () => boolean;
  /** Imports the part's chunk. */
  chunk: () => Promise<M>;
  /** Makes this element's part from the chunk. */
  make: (chunk: M) => P;
  /** Names the part, for the console and as the key of the loaded chunk: "<kith-customer-card> details". */
  name: string;
}

/** Chunks already loaded, by part name: the next element makes its part at once, with no flash. */
const loadedChunks = new Map<string, unknown>();

/**
 * A part of an element that is a chunk of its own (a card's details, a full badge's): fetched as
 * the element connects, or as soon as it is wanted, while the element's data loads — so a page
 * that never shows the part never loads it, and one that does has it by the time the data is in.
 */
export class LazyPart<M, P extends { ready(): Promise<void> }> implements ReactiveController {
  /** The part, once its chunk has loaded. */
  value: P | undefined;
  #loading: Promise<void> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: LazyPartOptions<M, P>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.#start(false);
  }

  hostUpdate(): void {
    this.#start(true);
  }

  /** Resolves once the part is there (or could not be loaded, or is not wanted). */
  async loaded(): Promise<P | undefined> {
    this.#start();
    await this.#loading;
    return this.value;
  }

  /** Resolves once the part, if wanted, is there and rendered with its texts (tests, and pages that wait for a complete element). */
  async ready(): Promise<void> {
    if (!this.options.wanted()) return;
    const part = await this.loaded();
    await this.host.updateComplete;
    await part?.ready();
  }

  /** `now`: the chunk may be used at once (before a render; not while Lit connects the controllers). */
  #start(now = true): void {
    const { wanted, chunk, make, name } = this.options;
    if (this.value || this.#loading || !wanted()) return;
    if (loadedChunks.has(name)) {
      if (!now) return;
      this.value = make(loadedChunks.get(name) as M);
      return;
    }
    this.#loading = chunk().then(
      (module) => {
        loadedChunks.set(name, module);
        this.value ??= make(module);
        this.host.requestUpdate();
      },
      (error: unknown) => {
        this.#loading = undefined; // tried again on the next update
        console.error(`[kith] ${name} could not be loaded`, error);
      },
    );
  }
}
