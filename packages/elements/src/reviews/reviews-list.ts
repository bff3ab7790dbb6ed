// The list of reviews below the summary — the sort menu and language toggle, the reviews with
// their badges and replies, "Show more", the announcement of reviews that arrive live — as a chunk
// of its own, fetched as the element connects, while the reviews load. It renders into the
// element's shadow root, as a reactive controller of the element, with its own styles and texts.
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { PublicReview, PublicReviewPage, ReviewAggregate, ReviewSort } from '@kith/schema';
import type { KithCore, KithError } from '@kith/sdk/core';
import { reviews } from '@kith/sdk/resources/reviews';
import { adoptLazyStyles } from '../internal/adopt-styles.js';
import { formatCount, formatDate, languageName } from '../internal/format.js';
import { LocalizeController } from '../internal/localize-controller.js';
import { resourceOf } from '../internal/resource-of.js';
import { reviewsListTexts } from './locales/list-catalog.js';
import { reviewsListStyles } from './reviews-list.styles.js';
import { stars } from './reviews-stars.js';
import { listQuery, mergeReviews, readingLanguage, SORTS, type ListChoice } from './reviews.model.js';

/** What the list needs of the element that shows it. */
export interface ReviewsForList extends ReactiveControllerHost, HTMLElement {
  locale?: string | undefined;
  readonly product?: string | undefined;
  readonly renderRoot: HTMLElement | DocumentFragment;
  /** The client the element reads through. */
  listClient(): KithCore | undefined;
  /** The first page shown, and the product and choice it belongs to. */
  listFirst(): { key: string; choice: ListChoice; page: PublicReviewPage | undefined };
  /** The star summary shown (its `productId` is Kith's id of the product). */
  listSummary(): ReviewAggregate | undefined;
  /** Says `text` politely (the element's status line). */
  announce(text: string): void;
  /** The first page in the reader's language is empty: read every language instead (without stars chosen). */
  fallBack(): void;
  /** No review is in the reader's language: every language is shown (the toggle is moot). */
  listFellBack(): boolean;
  listSort(): ReviewSort;
  listAllLanguages(): boolean;
  chooseSort(sort: ReviewSort): void;
  chooseAllLanguages(all: boolean): void;
  /** Says a read failed (`kith-error`). */
  listFailed(error: KithError): void;
  /** The stars of a review, spoken in the element's texts ("Rated 4 out of 5"). */
  listRated(value: string): string;
}

/** The pages read after the first one ("Show more"), for the product and choice they were read with. */
interface MorePages {
  key: string;
  items: readonly PublicReview[];
  next: string | null;
}

export class ReviewsList implements ReactiveController {
  readonly #host: ReviewsForList;
  readonly #localize: LocalizeController<typeof reviewsListTexts.en>;
  #more: MorePages | undefined;
  #loading = false;
  #error: KithError | undefined;
  /** The first page last noted, to tell reviews that arrive from those already seen. */
  #seen: { key: string; page: PublicReviewPage; ids: ReadonlySet<string> } | undefined;
  #live: { topic: string; client: KithCore; stop: () => void } | undefined;

  constructor(host: ReviewsForList) {
    this.#host = host;
    this.#localize = new LocalizeController(host, reviewsListTexts);
    host.addController(this);
    adoptLazyStyles(host.renderRoot, reviewsListStyles, 'reviews-list');
  }

  hostUpdate(): void {
    const { key, page } = this.#host.listFirst();
    // Another product or choice: the pages read for the last one go.
    if (this.#more && this.#more.key !== key) {
      this.#more = undefined;
      this.#error = undefined;
    }
    if (page && page !== this.#seen?.page) this.#note(key, page);
    this.#follow();
  }

  hostDisconnected(): void {
    this.#unfollow();
  }

  /**
   * A first page arrived. On the same list, reviews not seen before are announced, and those it
   * pushed off its end go in front of the next pages read (else "Show more" would skip them). An
   * empty first page in the reader's language switches to every language.
   */
  #note(key: string, page: PublicReviewPage): void {
    const seen = this.#seen;
    const ids = new Set(page.items.map((review) => review.id));
    if (seen?.key === key) {
      const fresh = page.items.filter((review) => !seen.ids.has(review.id));
      const pushed = seen.page.items.filter((review) => !ids.has(review.id));
      if (pushed.length && this.#more?.key === key) this.#more = { ...this.#more, items: mergeReviews(pushed, this.#more.items) };
      const { t, locale } = this.#localize;
      if (fresh.length) this.#host.announce(t.newReviews(formatCount(fresh.length, locale), fresh.length));
    }
    this.#seen = { key, page, ids };
    if (page.items.length === 0) this.#host.fallBack();
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
    const id = host.listSummary()?.productId;
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
    const { key, choice } = host.listFirst();
    const cursor = this.#next;
    if (!client || !host.product || !cursor || this.#loading) return;
    const before = this.#more?.key === key ? this.#more.items : [];
    this.#loading = true;
    this.#error = undefined;
    host.requestUpdate();
    try {
      const page = await resourceOf(client, reviews).list(host.product, { ...listQuery(choice), cursor });
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
    const { choice, page } = host.listFirst();
    const fellBack = host.listFellBack();
    const all = host.listAllLanguages();
    const language = languageName(readingLanguage(locale), locale);
    const note = fellBack ? t.noneInLanguage(language) : choice.language ? t.inLanguage(language) : t.inAllLanguages;
    const items = this.reviews();
    return html`
      <div class="controls" part="controls">
        <label class="sort-label">${t.sortLabel}
          <select class="sort" part="sort" @change=${(event: Event) => host.chooseSort((event.target as HTMLSelectElement).value as ReviewSort)}>
            ${SORTS.map((sort) => html`<option value=${sort} ?selected=${sort === host.listSort()}>${t.sorts[sort]}</option>`)}
          </select>
        </label>
        ${fellBack
          ? nothing
          : html`<button class="button quiet toggle" part="language-toggle" type="button" aria-pressed=${all ? 'true' : 'false'}
              @click=${() => host.chooseAllLanguages(!all)}>${t.allLanguages}</button>`}
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
          ${stars(review.rating, this.#host.listRated(formatCount(review.rating, locale)))}
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
