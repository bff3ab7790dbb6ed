/**
 * The ids a stream has already sent, remembered for the last `capacity` of them. Events of
 * concurrent commits can arrive out of id order, and the backlog read on resume overlaps
 * the live subscription, so "already sent" cannot be `id <= last`; a duplicate can only be
 * recent, so a bounded memory is enough.
 */
export class RecentIds {
  readonly #capacity: number;
  readonly #ids = new Set<string>();

  constructor(capacity = 2_048) {
    this.#capacity = capacity;
  }

  has(id: string): boolean {
    return this.#ids.has(id);
  }

  add(id: string): void {
    if (this.#ids.has(id)) return;
    this.#ids.add(id);
    // A Set iterates in insertion order: the first is the oldest.
    if (this.#ids.size > this.#capacity) this.#ids.delete(this.#ids.values().next().value as string);
  }
}
