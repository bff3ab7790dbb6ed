import { html, nothing, type TemplateResult } from 'lit';
import type { PublicReview, PublicReviewPage, ReviewAggregate, ReviewListQuery, ReviewSort } from '@kith/schema';
import type { KithCore, KithError } from '@kith/sdk/core';
import { reviews } from '@kith/sdk/resources/reviews';
import type {} from '../events/kith-error.js';
import type {} from '../events/kith-load.js';
import { KithConnectedElement } from '../internal/connected-element.js';
import { formatCount } from '../internal/format.js';
import { LazyPart } from '../internal/lazy-part.js';
import { LocalizeController } from '../internal/localize-controller.js';
import { ResourceController, ResourceStatus } from '../internal/resource-controller.js';
import { resourceOf } from '../internal/resource-of.js';
import { skeleton, statusText, statusTone } from '../internal/status.js';
import { controlStyles, stateStyles } from '../styles/shared.js';
import { hostReset, tokens } from '../styles/tokens.js';
import { reviewsTexts } from './locales/catalog.js';
import type * as ListChunk from './reviews-list.js';
import type { ReviewsForList, ReviewsList } from './reviews-list.js';
import { applyFills, stars } from './reviews-stars.js';
import { choiceKey, formatAverage, listQuery, readingLanguage, share, STARS, type ListChoice } from './reviews.model.js';
import { reviewsStyles } from './reviews.styles.js';

const { idle, loading, ready, empty, offline, stale, error: failed, notFound, notAuthorized } = ResourceStatus;

/** Only links a shopper may follow: a page of the shop (never `javascript:` or `data:`). */
function safeHref(href: string | undefined): string | undefined {
  if (!href) return undefined;
  try {
    return ['http:', 'https:'].includes(new URL(href, document.baseURI).protocol) ? href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * @summary A product's published reviews for a shop's product page: average and count, a star
 * distribution whose bars filter the list, sort, "Show more", verified-buyer badges and the shop's
 * public replies; new reviews arrive live.
 *
 * `product` is Kith's product id or the shop's own (its SKU / external id), passed to the API as
 * given. Reviews in the reader's language come first: the list is read with `language=<reader's
 * language>` (`zh-Hans` / `zh-Hant` for Chinese) and the "All languages" toggle shows every review;
 * when none is in the reader's language, every language is shown at once and a note says so. The
 * average, count and bars always count every language. Reviewers' words are text, laid out in
 * their own direction (`dir="auto"`, `<bdi>`), and long words wrap.
 *
 * With `structured-data`, schema.org JSON-LD (`Product` named by `product-name`, its
 * `AggregateRating` and the shown `Review`s) is written into a `<script type="application/ld+json">`
 * child of the element (light DOM, for crawlers) through the Trusted Types policy `kith`; it is
 * replaced on updates and removed with the attribute, without reviews, and on disconnect. Only a
 * page about the product, not about the shop itself, should ask for it.
 *
 * Without JavaScript: put a link in the element (`<kith-reviews href="/p/sku/reviews"><a
 * href="/p/sku/reviews">Reviews</a></kith-reviews>`): children show until the element upgrades,
 * then the element renders its own "See all reviews" link from `href` instead (it has no slot).
 *
 * The list below the summary (controls, reviews, "Show more") is a chunk of its own, fetched as
 * the element connects, while the reviews load; it also writes the structured data.
 *
 * @fires kith-load - The summary and a first page are shown: saved data at once, then each newer version (live updates included). Detail: `{ product, aggregate, page }`.
 * @fires kith-error - A read failed (summary, list or "Show more"; `not_found` included; also while saved data is shown). Detail: `{ code, error }`.
 *
 * @csspart base - The reviews box.
 * @csspart heading - The heading ("Customer reviews").
 * @csspart summary - The average, the count and the star bars.
 * @csspart average - The average stars, value and count.
 * @csspart stars - Each row of stars (the average and each review's), `role="img"`.
 * @csspart count - The number of reviews.
 * @csspart distribution - The list of star bars.
 * @csspart bar - One star bar: a toggle button that filters the list (`aria-pressed`).
 * @csspart bar-track - A bar's track.
 * @csspart bar-fill - A bar's filled part.
 * @csspart controls - The sort menu and the language toggle.
 * @csspart sort - The sort menu (`<select>`).
 * @csspart language-toggle - The "All languages" toggle button.
 * @csspart language-note - Which languages the list shows.
 * @csspart list - The list of reviews.
 * @csspart review - One review (`<article>`).
 * @csspart review-title - A review's title.
 * @csspart review-meta - A review's author, date and badge.
 * @csspart review-author - A review's author.
 * @csspart review-date - A review's date.
 * @csspart verified-badge - "Verified buyer".
 * @csspart review-body - A review's text.
 * @csspart review-reply - The shop's public reply under a review.
 * @csspart more-button - The "Show more reviews" button.
 * @csspart empty - No reviews yet, or none for the chosen stars.
 * @csspart all-link - The "See all reviews" link (`href`).
 * @csspart status - The status message (loading, stale, error, not found, not configured; new reviews).
 * @csspart retry-button - The Retry button of the stale and error states.
 * @csspart skeleton - Each placeholder bar of the loading state.
 *
 * @cssprop --kith-reviews-background - Box background; defaults to `--kith-color-surface`.
 * @cssprop --kith-reviews-color - Text colour; defaults to `--kith-color-text`.
 * @cssprop --kith-reviews-border - Box border; defaults to 1px solid `--kith-color-border`.
 * @cssprop --kith-reviews-radius - Corner radius; defaults to `--kith-radius`.
 * @cssprop --kith-reviews-padding - Inner spacing; defaults to `--kith-space-3`.
 * @cssprop --kith-reviews-accent - Bars, buttons and links; defaults to `--kith-color-accent`.
 * @cssprop --kith-reviews-star - The filled stars; defaults to #b25e00 (light) / #f0b429 (dark), both AA on the surface.
 * @cssprop --kith-reviews-track - Empty stars and bar tracks; defaults to `--kith-color-skeleton`.
 */
export class KithReviews extends KithConnectedElement implements ReviewsForList {
  static override styles = [tokens, hostReset, controlStyles, stateStyles, reviewsStyles];
  // Declared without decorators: each decorated field costs the element's entry bytes (it is
  // measured by `npm run size` against a 5,000 B increment over the shared runtime).
  static override properties = {
    product: {},
    productName: { attribute: 'product-name' },
    structuredData: { type: Boolean, reflect: true, attribute: 'structured-data' },
    href: {},
    sort: { state: true },
    stars: { state: true },
    allLanguages: { state: true },
  };

  /** The product: Kith's product id, or the shop's own id (SKU / external id). */
  declare product?: string;

  /** The product's name, for the structured data (required by search engines: without it, none is written). */
  declare productName?: string;

  /** Writes schema.org JSON-LD of the product's rating and the shown reviews into the light DOM. */
  structuredData = false;

  /** A page of the shop listing every review: rendered as "See all reviews" (and the page's own fallback link). */
  declare href?: string;

  /** @internal How the list is ordered (the list's sort menu sets it). */
  sort: ReviewSort = 'newest';
  /** The stars whose reviews are shown (none chosen: all). */
  private stars: readonly number[] = [];
  /** @internal The reader asked for every language (the list's toggle sets it). */
  allLanguages = false;

  // Before the reads: each update resolves the locale first, and the list's language follows it.
  private readonly localize = new LocalizeController(this, reviewsTexts);
  private readonly listPart = new LazyPart<typeof ListChunk, ReviewsList>(this, {
    wanted: () => true,
    chunk: () => import('./reviews-list.js'),
    make: (module) => new module.ReviewsList(this),
    name: '<kith-reviews> list',
  });

  private readonly aggregate = new ResourceController<ReviewAggregate, readonly [KithCore, string]>(this, {
    args: () => {
      const client = this.connection.client;
      return client && this.product ? [client, this.product] : undefined;
    },
    read: ([client, product]) => resourceOf(client, reviews).aggregate(product),
    isEmpty: (aggregate) => aggregate.count === 0,
    onReady: () => this.loaded(),
    onError: (error) => this.listFailed(error),
  });

  private readonly list = new ResourceController<PublicReviewPage, readonly [KithCore, string, string]>(this, {
    args: () => {
      const client = this.connection.client;
      return client && this.product ? [client, this.product, choiceKey(this.choice)] : undefined;
    },
    read: ([client, product]) => resourceOf(client, reviews).list(product, listQuery(this.choice)),
    onReady: () => this.loaded(),
    onError: (error) => this.listFailed(error),
  });

  /**
   * The state shown, from the summary and the list: `idle` (no client or no product), `loading`,
   * `ready`, `empty` (no published review), `offline` / `stale` (saved reviews, the latest could not
   * be loaded), `error` or `not_found`.
   */
  get status(): ResourceStatus {
    const summary = this.aggregate.status;
    const list = this.list.status;
    if (summary === idle) return idle;
    if (summary === notFound || list === notFound) return notFound;
    if (summary === failed || summary === notAuthorized || list === failed || list === notAuthorized) return failed;
    if (summary === loading) return loading;
    if (summary === empty) return empty;
    if (list === loading || list === idle) return loading;
    if (summary === offline || list === offline) return offline;
    if (summary === stale || list === stale) return stale;
    return ready;
  }

  /** The error shown, when `status` is `offline`, `stale`, `error` or `not_found`. */
  get error(): KithError | undefined {
    return this.aggregate.error ?? this.list.error;
  }

  /** The star summary shown (every language). */
  get summary(): ReviewAggregate | undefined {
    return this.aggregate.value;
  }

  /** The reviews shown: the first page and those read with "Show more" (none before the list's chunk is there). */
  get shownReviews(): readonly PublicReview[] {
    return this.listPart.value?.reviews() ?? [];
  }

  /** Resolves when the texts of the current locale (and the list's code and texts) have loaded. */
  async localeReady(): Promise<void> {
    await this.localize.ready();
    await this.listPart.ready();
  }

  /** Reads the summary and the list again (what the Retry button does). */
  retry(): void {
    this.aggregate.retry();
    this.list.retry();
  }

  /** Reads the next page and adds it under the shown reviews (what "Show more" does). */
  async showMore(): Promise<void> {
    await (await this.listPart.loaded())?.showMore();
  }

  /** What the list is read with now: the reader's language first, unless all were asked for or none is in it. */
  private get choice(): ListChoice {
    const language = readingLanguage(this.localize.locale);
    const all = this.allLanguages || this.listPart.value?.fellBack(language);
    return { sort: this.sort, stars: this.stars, language: all ? undefined : language };
  }

  private loaded(): void {
    const aggregate = this.aggregate.value;
    const page = this.list.value;
    if (aggregate && page && this.product) this.emit('kith-load', { product: this.product, aggregate, page });
  }

  private toggleStar(star: number): void {
    this.stars = this.stars.includes(star) ? this.stars.filter((chosen) => chosen !== star) : [...this.stars, star];
  }

  /** @internal */
  listClient(): KithCore | undefined {
    return this.connection.client;
  }

  /** @internal The first page, its query, and the product and choice it belongs to. */
  listFirst(): { key: string; query: ReviewListQuery; page: PublicReviewPage | undefined } {
    const query = listQuery(this.choice);
    return { key: `${this.product}\n${JSON.stringify(query)}`, query, page: this.list.value };
  }

  /** @internal Says a read failed (the summary, the list or "Show more"). */
  listFailed(error: KithError): void {
    this.emit('kith-error', { code: error.code, error });
  }

  /** @internal A review's stars for the list, spoken in the element's texts ("Rated 4 out of 5"). */
  listStars(rating: number): TemplateResult {
    const { t, locale } = this.localize;
    return stars(rating, t.rated(formatCount(rating, locale)));
  }

  private onRetry(): void {
    this.retry();
    // The button disappears while loading: keep focus in the element, not on <body>.
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.reviews')?.focus());
  }

  protected override updated(): void {
    applyFills(this.renderRoot);
  }

  protected override render(): TemplateResult {
    const t = this.localize.t;
    const status = this.status;
    const aggregate = this.aggregate.value;
    const saved = status === stale || status === offline;
    // The summary and the controls stay while another choice of stars, order or language loads:
    // the bar or button just pressed keeps the focus.
    const summaryShown = aggregate && aggregate.count > 0 && (status === ready || saved || status === loading) ? aggregate : undefined;
    const href = safeHref(this.href);
    const own = status === ready ? (this.listPart.value?.announcement ?? '') : status === empty ? '' : undefined;
    return html`
      <section class="kith-root reviews focusable" part="base" lang=${t.$lang} tabindex="-1" aria-labelledby="heading"
        aria-busy=${status === loading ? 'true' : 'false'}>
        <h2 class="heading" part="heading" id="heading">${t.title}</h2>
        ${summaryShown ? this.renderSummary(summaryShown) : nothing}
        ${summaryShown ? (this.listPart.value?.render() ?? skeleton(3)) : nothing}
        ${status === empty ? html`<p class="empty" part="empty">${t.empty}</p>` : nothing}
        ${status === loading && !summaryShown ? skeleton(4) : nothing}
        <p class="status ${status === ready || status === empty ? 'visually-hidden' : statusTone(status)}" part="status" role="status">${own ?? statusText(status, t, this.localize.common, this.error)}</p>
        ${status === failed || saved
          ? html`<button class="button retry" part="retry-button" type="button" @click=${this.onRetry}>${this.localize.common.retry}</button>`
          : nothing}
        ${href ? html`<p class="all"><a class="all-link focusable" part="all-link" href=${href}>${t.seeAll}</a></p>` : nothing}
      </section>
    `;
  }

  private renderSummary(aggregate: ReviewAggregate): TemplateResult {
    const { t, locale } = this.localize;
    const average = aggregate.average ?? 0;
    const averageText = formatAverage(average, locale);
    return html`
      <div part="summary">
        <p class="average" part="average">
          ${stars(average, t.rated(averageText))}
          <span class="average-value" aria-hidden="true">${averageText}</span>
          <span class="count" part="count">${t.reviewCount(formatCount(aggregate.count, locale), aggregate.count)}</span>
        </p>
        <ul class="distribution" part="distribution" aria-label=${t.distribution}>
          ${STARS.map((star) => {
            const count = aggregate.distribution[star];
            const formatted = formatCount(count, locale);
            return html`<li>
              <button class="bar focusable" part="bar" type="button" aria-pressed=${this.stars.includes(star) ? 'true' : 'false'}
                aria-label=${t.bar(star, formatted, count)} @click=${() => this.toggleStar(star)}>
                <span>${t.stars(star)}</span>
                <span class="track" part="bar-track" aria-hidden="true"><span class="fill" part="bar-fill" data-fill=${share(count, aggregate.count)}></span></span>
                <span class="bar-count">${formatted}</span>
              </button>
            </li>`;
          })}
        </ul>
      </div>
    `;
  }
}
