// What the inbox remembers of the list it shows: the pages read with "Load more", what it has
// shown (to tell arrivals), the items marked "New", and the items acted on here (replaced where
// they stand). No DOM and no network: the element reads, this keeps the books.
import type { Feedback, FeedbackPage } from '@kith/schema';
import type { KithError } from '@kith/sdk/core';
import { arrivals, mergeItems, NOTHING_SEEN, orderInPlace, see, withActed, type Seen } from './inbox.model.js';

const NONE: readonly Feedback[] = [];

export class InboxList {
  /** The list (its query as a string) these books are about. */
  key: string | undefined;
  /** The items read after the first page, and the cursor after them. */
  more: { items: readonly Feedback[]; next: string | null } | undefined;
  moreLoading = false;
  moreError: KithError | undefined;
  /** Items that arrived while the inbox was open (marked "New"). */
  fresh: ReadonlySet<string> = new Set();
  /** The items shown, in order, as last worked out. */
  shown: readonly Feedback[] = NONE;
  #seen: Seen = NOTHING_SEEN;
  #first: FeedbackPage | undefined;
  /** Items acted on here, as the action left them, and as they were before it (for the order). */
  #acted = new Map<string, Feedback>();
  #before = new Map<string, Feedback>();
  /** The list last worked out, before ordering: items acted on keep their place in it. */
  #last: readonly Feedback[] = NONE;

  /**
   * A first page arrived. For another list the books start afresh; for the same one, the items
   * never seen and newer than all seen are marked and returned (to announce), and those it pushed
   * off its end go in front of the pages read after it (else "Load more" would skip them).
   */
  noteFirst(key: string, page: FeedbackPage): Feedback[] {
    if (this.key !== key) {
      this.reset(key);
      this.#seen = see(NOTHING_SEEN, page.items);
      this.#first = page;
      return [];
    }
    const fresh = arrivals(this.#seen, page.items);
    const ids = new Set(page.items.map((item) => item.id));
    const pushed = (this.#first?.items ?? NONE).filter((item) => !ids.has(item.id) && !this.#acted.has(item.id));
    if (pushed.length && this.more) this.more = { ...this.more, items: mergeItems(pushed, this.more.items) };
    this.#seen = see(this.#seen, page.items);
    this.#first = page;
    if (fresh.length) this.fresh = new Set([...this.fresh, ...fresh.map((item) => item.id)]);
    return fresh;
  }

  /** Forgets everything (another list, or reading this one again from its start). */
  reset(key = this.key): void {
    this.key = key;
    this.more = undefined;
    this.moreError = undefined;
    this.fresh = new Set();
    this.#seen = NOTHING_SEEN;
    this.#first = undefined;
    this.#acted = new Map();
    this.#before = new Map();
    this.#last = NONE;
  }

  /** The cursor of the next page to read, if any. */
  next(first: FeedbackPage | undefined): string | null {
    return this.more ? this.more.next : (first?.next ?? null);
  }

  /** A page read with "Load more" for `key` (dropped if the list changed meanwhile). */
  addMore(key: string, page: FeedbackPage): void {
    if (key !== this.key) return;
    this.more = { items: [...(this.more?.items ?? NONE), ...page.items], next: page.next };
    this.#seen = see(this.#seen, page.items);
  }

  /** An item's action was sent or queued: `item` is shown in place of the record it was. */
  acted(item: Feedback): void {
    const current = this.shown.find((shown) => shown.id === item.id);
    if (current && !this.#before.has(item.id)) this.#before.set(item.id, this.#acted.get(item.id) ?? current);
    this.#acted.set(item.id, item);
  }

  /** The items to show: the pages read, the items acted on in place, complaints ordered at `now`. */
  items(first: FeedbackPage | undefined, complaints: boolean, now: number): readonly Feedback[] {
    if (!first) return (this.shown = NONE);
    const read = this.more ? mergeItems(first.items, this.more.items) : first.items;
    this.#last = withActed(this.#last, read, this.#acted);
    this.shown = complaints ? orderInPlace(this.#last, now, this.#before) : this.#last;
    return this.shown;
  }
}
