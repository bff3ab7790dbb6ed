import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query } from 'lit/decorators.js';
import type { KithCore } from '@kith/sdk/core';
import type {} from '../events/kith-error.js';
import { KithConnectedElement } from '../internal/connected-element.js';
import { formatCount } from '../internal/format.js';
import { LocalizeController } from '../internal/localize-controller.js';
import { ResourceController, ResourceStatus } from '../internal/resource-controller.js';
import { hostReset, tokens } from '../styles/tokens.js';
import { ratingTexts } from './locales/catalog.js';
import { ratingOf, type RatingSummary } from './rating.batch.js';
import { filled, MAX_STARS, optionalNumber, validCount, validValue, type Shown } from './rating.model.js';
import { ratingStyles } from './rating.styles.js';

const { loading, ready, empty, offline, stale } = ResourceStatus;

/** "4.3": an average with one decimal in the viewer's locale (formatters made once per locale). */
const averageFormats = new Map<string, Intl.NumberFormat>();
function formatAverage(value: number, locale: string): string {
  let format = averageFormats.get(locale);
  if (!format) averageFormats.set(locale, (format = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 })));
  return format.format(value);
}

const STARS = html`${Array.from({ length: MAX_STARS }, () => html`<span class="star"></span>`)}`;

/**
 * @summary Read-only stars for a product tile: the average out of 5 and the number of reviews,
 * as one image with a spoken label ("Rated 4.3 out of 5, 128 reviews").
 *
 * Two ways to feed it. The page gives `value` (and `count`): nothing is requested. Or the page
 * names the `product` (Kith's product id or the shop's own): the tiles of a listing that start in
 * the same task share ONE request (`GET /v1/reviews/aggregates`, up to 50 products a request)
 * per client. The client is, in order: the `.client` property, the nearest `<kith-provider>`, the
 * page settings, or one made from the element's own `base-url` and `key`. A product without
 * reviews shows "No reviews yet"; a rating that cannot be loaded shows a quiet dash (its name and
 * title say why): a tile never breaks a listing. Saved ratings are shown offline.
 *
 * @csspart base - The rating box (`role="img"` with the label).
 * @csspart stars - The row of five stars (a filled row clipped over an empty one).
 * @csspart count - The number of reviews beside the stars: "(128)".
 * @csspart empty - The "No reviews yet" text.
 * @csspart unavailable - The dash shown when no rating can be shown.
 *
 * @cssprop --kith-rating-star-color - The filled stars; defaults to an amber that keeps 3:1 on the surface.
 * @cssprop --kith-rating-track-color - The empty stars; defaults to `--kith-color-muted` at half strength.
 * @cssprop --kith-rating-size - The size of one star; defaults to `1em`.
 * @cssprop --kith-rating-color - The count and the texts; defaults to `--kith-color-muted`.
 * @cssprop --kith-rating-background - Behind the stars and texts; defaults to `--kith-color-surface` (set `transparent` on a themed tile).
 *
 * @fires kith-error - The rating could not be read (also while a saved one is shown). Detail: `{ code, error }`.
 */
export class KithRating extends KithConnectedElement {
  static override styles = [tokens, hostReset, ratingStyles];

  /** The product whose published reviews to summarise: Kith's product id or the shop's own (SKU). Ignored when `value` is given. */
  @property() product?: string;

  /** The average the page already knows, 0 to 5 (e.g. `4.3`): nothing is requested. Anything else is ignored with a console warning. */
  @property({ type: Number, converter: optionalNumber }) value?: number;

  /** With `value`: how many reviews the average is of (a whole number). `count="0"` alone shows "No reviews yet". */
  @property({ type: Number, converter: optionalNumber }) count?: number;

  @query('.stars') private starsElement?: HTMLElement;

  private readonly localize = new LocalizeController(this, ratingTexts);
  /** The last bad attribute values warned about: one warning per value, not per render. */
  private warned = '';

  private readonly aggregate = new ResourceController<RatingSummary, readonly [KithCore, string]>(this, {
    args: () => {
      const client = this.connection.client;
      return this.given() === undefined && client && this.product ? [client, this.product] : undefined;
    },
    read: ([client, product]) => ratingOf(client, product),
    isEmpty: (aggregate) => aggregate.count === 0 || aggregate.average === null,
    onError: (error) => this.emit('kith-error', { code: error.code, error }),
    // A listing asks for all its tiles at once (one request), not as each scrolls into view.
    lazy: false,
  });

  /** What the page gave: a valid `value` (with `count` if valid), or `count="0"` alone; else `undefined`. */
  private given(): Shown | undefined {
    const value = validValue(this.value);
    const count = validCount(this.count);
    if (value !== undefined) return { average: value, count };
    return count === 0 && this.value === undefined ? { average: null, count } : undefined;
  }

  /**
   * The state shown: `ready` (stars, from `value` or the server), `empty` (no reviews yet),
   * `loading`, `offline` / `stale` (a saved rating), `error`, or `idle` (nothing to show: no
   * valid `value`, no `product` or no client). The last two show the dash.
   */
  get status(): ResourceStatus {
    const given = this.given();
    if (given) return given.average === null ? empty : ready;
    return this.aggregate.status === ResourceStatus.notFound || this.aggregate.status === ResourceStatus.notAuthorized ? ResourceStatus.error : this.aggregate.status;
  }

  /** Resolves when the texts of the current locale have loaded. */
  async localeReady(): Promise<void> {
    await this.localize.ready();
  }

  /** Reads the rating again (after a failure). */
  retry(): void {
    this.aggregate.retry();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!changed.has('value') && !changed.has('count')) return;
    const bad = [
      this.value !== undefined && validValue(this.value) === undefined ? `value ${String(this.value)} (a number from 0 to ${MAX_STARS} is expected)` : '',
      this.count !== undefined && validCount(this.count) === undefined ? `count ${String(this.count)} (a whole number from 0 is expected)` : '',
    ].filter(Boolean).join(', ');
    if (bad && bad !== this.warned) console.warn(`[kith] <kith-rating>: ignored ${bad}.`);
    this.warned = bad;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // Set through CSSOM, not a style attribute: allowed under a CSP without 'unsafe-inline'.
    const average = this.shown()?.average;
    if (average != null) this.starsElement?.style.setProperty('--_kith-rating-fill', String(filled(average)));
  }

  /** What is shown: the page's numbers, else the server's (saved ones included). */
  private shown(): Shown | undefined {
    const given = this.given();
    if (given) return given;
    const status = this.aggregate.status;
    const aggregate = this.aggregate.value;
    const usable = status === ready || status === empty || status === offline || status === stale;
    return aggregate && usable ? { average: aggregate.count === 0 ? null : aggregate.average, count: aggregate.count } : undefined;
  }

  protected override render(): TemplateResult {
    const t = this.localize.t;
    const lang = t.$lang;
    const shown = this.shown();
    if (!shown) {
      if (this.aggregate.status === loading) {
        return html`<span class="kith-root rating loading" part="base" lang=${lang} role="img" aria-label=${t.loading} aria-busy="true"
          ><span class="stars" part="stars">${STARS}</span></span>`;
      }
      return html`<span class="kith-root unavailable" part="base unavailable" lang=${lang} role="img" aria-label=${t.unavailable}
        title=${t.unavailable}>–</span>`;
    }
    if (shown.average === null) return html`<span class="kith-root empty" part="base empty" lang=${lang}>${t.empty}</span>`;
    const locale = this.localize.locale;
    const reviews = shown.count === undefined ? undefined : { formatted: formatCount(shown.count, locale), count: shown.count };
    const label = t.label(formatAverage(shown.average, locale), formatAverage(MAX_STARS, locale), reviews);
    const saved = this.given() === undefined && (this.aggregate.status === offline || this.aggregate.status === stale);
    const name = saved ? t.saved(label) : label;
    return html`<span class="kith-root rating" part="base" lang=${lang} role="img" aria-label=${name} title=${saved ? name : nothing}
      ><span class="stars" part="stars"><span class="row">${STARS}</span><span class="row fill">${STARS}</span></span
      >${reviews ? html`<span class="count" part="count">${t.count(reviews.formatted)}</span>` : nothing}</span>`;
  }
}
