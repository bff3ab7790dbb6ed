// The list of reviews below the summary — the sort menu and language toggle, the reviews with
// their badges and replies, "Show more", the announcement of reviews that arrive live, the
// structured data of the reviews shown — as a chunk of its own, fetched as the element connects,
// while the reviews load. It renders into the element's shadow root, as a reactive controller of
// the element, with its own styles and texts.
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { PublicReview, PublicReviewPage, ReviewListQuery, ReviewSort } from '@kith/schema';
import type { KithCore, KithError } from '@kith/sdk/core';
import { reviews } from '@kith/sdk/resources/reviews';
import { adoptLazyStyles } from '../internal/adopt-styles.js';
import { formatCount, formatDate, languageName } from '../internal/format.js';
import { LocalizeController } from '../internal/localize-controller.js';
import { resourceOf } from '../internal/resource-of.js';
import { reviewsListTexts } from './locales/list-catalog.js';
import { reviewsListStyles } from './reviews-list.styles.js';
import { mergeReviews, SORTS } from './reviews-list.model.js';
import type * as StructuredDataChunk from './reviews-structured-data.js';
import type { StructuredDataHost } from './reviews-structured-data.js';

/**
 * What the list needs of the element that shows it. The list imports nothing of the element's own
 * modules (what it shares, the element hands over here): an import would make the element's chunk
 * export to this one, and the bundler would then put an entry chunk of its own before it.
 */
export interface ReviewsForList extends ReactiveControllerHost, StructuredDataHost {
  locale?: string | undefined;
  readonly product?: string | undefined;
  readonly renderRoot: HTMLElement | DocumentFragment;
  /** The order of the list (the sort menu sets it). */
  sort: ReviewSort;
  /** The reader asked for every language (the toggle sets it). */
  allLanguages: boolean;
  /** The client the element reads through. */
  listClient(): KithCore | undefined;
  /** The first page shown, the query it is read with, and a key of the product and query. */
  listFirst(): { key: string; query: ReviewListQuery; page: PublicReviewPage | undefined };
  /** Says a read failed (`kith-error`). */
  listFailed(error: KithError): void;
  /** A review's stars, spoken in the element's texts ("Rated 4 out of 5"). */
  listStars(rating: number): TemplateResult;
}

/** The pages read after the first one ("Show more"), for the product and choice they were read with. */
interface MorePages {
  key: string;
  items: readonly PublicReview[];
  next: string | null;
}

export class ReviewsList implements ReactiveController {
  /** Announced politely by the element's status line when reviews arrive while the list is shown. */
  announcement = '';
  readonly #host: ReviewsForList;
  readonly #localize: LocalizeController<typeof reviewsListTexts.en>;
  #more: MorePages | undefined;
  #loading = false;
  #error: KithError | undefined;
  /** The first page last noted, to tell reviews that arrive from those already seen. */
  #seen: { key: string; page: PublicReviewPage; ids: ReadonlySet<string> } | undefined;
  #live: { topic: string; client: KithCore; stop: () => void } | undefined;
  /** The product and language no review was in: every language is read instead. */
  #noneIn: { product: string; language: string } | undefined;
  /** The JSON-LD writer, a chunk of its own: loaded once the element asks for structured data. */
  #structuredData: typeof StructuredDataChunk | undefined;

  constructor(host: ReviewsForList) {
    this.#host = host;
    this.#localize = new LocalizeController(host, reviewsListTexts);
    host.addController(this);
    adoptLazyStyles(host.renderRoot, reviewsListStyles, 'reviews-list');
  }

  hostUpdate(): void {
    const { key, query, page } = this.#host.listFirst();
    // Another product or choice: the pages read for the last one go.
    if (this.#more && this.#more.key !== key) {
      this.#more = undefined;
      this.#error = undefined;
    }
    if (page && page !== this.#seen?.page) this.#note(key, query, page);
    this.#follow();
  }

  hostUpdated(): void {
    this.#writeStructuredData();
  }

  hostDisconnected(): void {
    this.#unfollow();
    this.#structuredData?.syncStructuredData(this.#host); // removed with the element
  }

  /** Writes (or removes) the JSON-LD, loading its writer on first need. */
  #writeStructuredData(): void {
    const host = this.#host;
    if (this.#structuredData) return this.#structuredData.syncStructuredData(host);
    if (!host.structuredData) return; // never written: nothing to remove
    void import('./reviews-structured-data.js').then(
      (module) => module.syncStructuredData((this.#structuredData = module) && host),
      (error: unknown) => console.error('[kith] <kith-reviews> structured data could not be loaded', error),
    );
  }

  /**
   * A first page arrived. On the same list, reviews not seen before are announced, and those it
   * pushed off its end go in front of the next pages read (else "Show more" would skip them). An
   * empty first page in the reader's language (without stars chosen) switches to every language,
   * unless the product has no review at all.
   */
  #note(key: string, query: ReviewListQuery, page: PublicReviewPage): void {
    const seen = this.#seen;
    const ids = new Set(page.items.map((review) => review.id));
    if (seen?.key === key) {
      const fresh = page.items.filter((review) => !seen.ids.has(review.id));
      const pushed = seen.page.items.filter((review) => !ids.has(review.id));
      if (pushed.length && this.#more?.key === key) this.#more = { ...this.#more, items: mergeReviews(pushed, this.#more.items) };
      const { t, locale } = this.#localize;
      if (fresh.length) this.#announce(t.newReviews(formatCount(fresh.length, locale), fresh.length));
    }
    this.#seen = { key, page, ids };
    const { product } = this.#host;
    // (Not when the summary says the product has no review at all: every language would be empty too.)
    if (page.items.length || !product || !query.language || query.rating || this.#host.summary?.count === 0) return;
    const none = { product, language: query.language };
    // After this update (the element works out what to read before it renders).
    queueMicrotask(() => {
      this.#noneIn = none;
      this.#host.requestUpdate();
    });
  }

  /** No review of the element's product is in `language` (the reader's): the element reads every language. */
  fellBack(language: string): boolean {
    const none = this.#noneIn;
    return none?.product === this.#host.product && none?.language === language;
  }

  #announce(text: string): void {
    // Emptied first (in this update): the same words again ("1 new review.") are a change a screen reader says.
    this.announcement = '';
    queueMicrotask(() => {
      this.announcement = text;
      this.#host.requestUpdate();
    });
  }

  /**
   * A product named by the shop's own id: the reads follow `product:<that id>`, which is no topic
   * (topics name Kith ids), so the list follows the Kith id the summary answered with and has both
   * read again on each event.
   */
  #follow(): void {
    const host = this.#host;
    const client = host.listClient();
    const product = host.product;
    const id = host.summary?.productId;
    if (!client || !product || !id || id === product || !host.isConnected) return this.#unfollow();
    const topic = `product:${id}`;
    if (this.#live?.topic === topic && this.#live.client === client) return;
    this.#unfollow();
    try {
      const stop = client.live.subscribe([topic], () => client.invalidate(`/v1/products/${encodeURIComponent(product)}/reviews`));
      this.#live = { topic, client, stop };
    } catch {
      // More than 20 topics on this client: the reviews work, without live updates.
    }
  }

  #unfollow(): void {
    this.#live?.stop();
    this.#live = undefined;
  }

  /** Resolves when the list's texts of the current locale have loaded. */
  ready(): Promise<void> {
    return this.#localize.ready();
  }

  /** The reviews shown: the first page, then those read with "Show more". */
  reviews(): readonly PublicReview[] {
    const { key, page } = this.#host.listFirst();
    if (!page) return [];
    return this.#more?.key === key ? mergeReviews(page.items, this.#more.items) : page.items;
  }

  get #next(): string | null {
    const { key, page } = this.#host.listFirst();
    return this.#more?.key === key ? this.#more.next : (page?.next ?? null);
  }

  /** Reads the next page and adds it under the shown reviews. */
  async showMore(): Promise<void> {
    const host = this.#host;
    const client = host.listClient();
    const { key, query } = host.listFirst();
    const cursor = this.#next;
    if (!client || !host.product || !cursor || this.#loading) return;
    const before = this.#more?.key === key ? this.#more.items : [];
    this.#loading = true;
    this.#error = undefined;
    host.requestUpdate();
    try {
      const page = await resourceOf(client, reviews).list(host.product, { ...query, cursor });
      if (host.listFirst().key === key) this.#more = { key, items: [...before, ...page.items], next: page.next };
    } catch (reason) {
      const error = reason as KithError;
      if (host.listFirst().key === key) this.#error = error;
      host.listFailed(error);
    } finally {
      this.#loading = false;
      host.requestUpdate();
    }
  }

  render(): TemplateResult {
    const host = this.#host;
    const { t, locale, common } = this.#localize;
    const { query, page } = host.listFirst();
    const all = host.allLanguages;
    // Every language without the reader's asking: none was in the reader's language.
    const fellBack = !all && !query.language ? this.#noneIn?.language : undefined;
    const note = fellBack
      ? t.noneInLanguage(languageName(fellBack, locale))
      : query.language ? t.inLanguage(languageName(query.language, locale)) : t.inAllLanguages;
    const items = this.reviews();
    return html`
      <div class="controls" part="controls">
        <label class="sort-label">${t.sortLabel}
          <select class="sort focusable" part="sort" @change=${(event: Event) => (host.sort = (event.target as HTMLSelectElement).value as ReviewSort)}>
            ${SORTS.map((sort) => html`<option value=${sort} ?selected=${sort === host.sort}>${t.sorts[sort]}</option>`)}
          </select>
        </label>
        ${fellBack
          ? nothing
          : html`<button class="button quiet toggle" part="language-toggle" type="button" aria-pressed=${all ? 'true' : 'false'}
              @click=${() => (host.allLanguages = !all)}>${t.allLanguages}</button>`}
      </div>
      <p class="language-note" part="language-note">${note}</p>
      <div class="list" part="list" aria-busy=${this.#loading || !page ? 'true' : 'false'}>
        ${page ? items.map((review) => this.#renderReview(review)) : nothing}
      </div>
      ${page && items.length === 0 ? html`<p class="empty" part="empty">${t.emptyFiltered}</p>` : nothing}
      ${this.#next
        ? html`<button class="button quiet more" part="more-button" type="button" aria-disabled=${this.#loading ? 'true' : 'false'}
            @click=${() => void this.showMore()}>${t.showMore}</button>`
        : nothing}
      ${this.#error ? html`<p class="status error" role="status">${t.moreFailed(common.reasons[this.#error.code])}</p>` : nothing}
    `;
  }

  #renderReview(review: PublicReview): TemplateResult {
    const { t, locale } = this.#localize;
    const reply = review.reply;
    return html`
      <article class="review" part="review" aria-labelledby="title-${review.id}">
        <div class="review-head">
          ${this.#host.listStars(review.rating)}
          <h3 class="review-title" part="review-title" id="title-${review.id}" lang=${review.language} dir="auto">${review.title}</h3>
        </div>
        <p class="review-meta" part="review-meta">
          <bdi class="review-author" part="review-author">${review.authorName}</bdi>
          <time part="review-date" datetime=${review.createdAt}>${formatDate(review.createdAt, locale)}</time>
          ${review.verifiedPurchase ? html`<span class="verified" part="verified-badge">${t.verified}</span>` : nothing}
        </p>
        <p class="review-body" part="review-body" lang=${review.language} dir="auto">${review.body}</p>
        ${reply
          ? html`<div class="review-reply" part="review-reply">
              <p class="reply-head">${t.reply} <time datetime=${reply.repliedAt}>${formatDate(reply.repliedAt, locale)}</time></p>
              <p class="reply-body" dir="auto">${reply.body}</p>
            </div>`
          : nothing}
      </article>
    `;
  }
}
