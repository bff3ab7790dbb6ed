import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface LazyPartOptions<P> {
  /** Whether the element shows the part now (a full card, not a compact one). */
  wanted: () => boolean;
  /** Imports the part's chunk and makes the part (once per element). */
  load: () => Promise<P>;
  /** For the console, if the chunk cannot be loaded: "<kith-customer-card> details". */
  name: string;
}

/**
 * A part of an element that is a chunk of its own (a card's details, a full badge's): fetched as
 * the element connects, or as soon as it is wanted, while the element's data loads — so a page
 * that never shows the part never loads it, and one that does has it by the time the data is in.
 */
export class LazyPart<P extends { ready(): Promise<void> }> implements ReactiveController {
  /** The part, once its chunk has loaded. */
  value: P | undefined;
  #loading: Promise<void> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: LazyPartOptions<P>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.#start();
  }

  hostUpdate(): void {
    this.#start();
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

  #start(): void {
    if (this.value || this.#loading || !this.options.wanted()) return;
    this.#loading = this.options.load().then(
      (part) => {
        this.value = part;
        this.host.requestUpdate();
      },
      (error: unknown) => {
        this.#loading = undefined; // tried again on the next update
        console.error(`[kith] ${this.options.name} could not be loaded`, error);
      },
    );
  }
}
