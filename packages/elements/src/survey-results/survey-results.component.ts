import { html, nothing, type TemplateResult } from 'lit';
import { SURVEY_RESULTS_MAX_DAYS, type SurveyMetric, type SurveyResults } from '@kith/schema';
import type { KithCore, KithError } from '@kith/sdk/core';
import { surveys } from '@kith/sdk/resources/surveys';
import type {} from '../events/kith-error.js';
import { KithConnectedElement } from '../internal/connected-element.js';
import { dateTimeFormat, formatCount } from '../internal/format.js';
import { LazyPart } from '../internal/lazy-part.js';
import { LocalizeController } from '../internal/localize-controller.js';
import { ResourceController, ResourceStatus } from '../internal/resource-controller.js';
import { resourceOf } from '../internal/resource-of.js';
import { skeleton, statusLine } from '../internal/status.js';
import { controlStyles, stateStyles } from '../styles/shared.js';
import { hostReset, tokens } from '../styles/tokens.js';
import { surveyResultsTexts } from './locales/catalog.js';
import type * as FiguresChunk from './survey-figures.js';
import type { SurveyFigures } from './survey-figures.js';
import {
  customRange, dayString, isMetric, isPeriod, lastDay, METRICS, newAnswers, PERIODS, presetRange, resultsQuery, type CustomRange, type Period,
} from './survey-results.model.js';
import { surveyResultsStyles } from './survey-results.styles.js';

const { idle, loading, ready, empty, offline, stale, error: failed, notAuthorized } = ResourceStatus;

/**
 * @summary Staff's survey results over a period: the NPS with its promoters, passives and detractors, or the CSAT / CES average, and the count of every score; new answers arrive live.
 *
 * The staff member picks the measure (NPS, CSAT, CES) and the period: the last 7, 30 or 90 days,
 * the last 12 months, or two dates of their own (both included, at most 366 days). Periods are
 * whole days in the viewer's time zone, today included, computed from the `now` clock. The
 * distribution is a table (score, answers, share); its bars are decoration. An answer given while
 * the results are shown updates them, announced politely. Needs a staff token with
 * `feedback:read` (it counts the answers of the customers that staff member sees, and anonymous
 * ones); without one it asks to sign in as staff.
 *
 * @fires kith-error - The results could not be loaded (also while saved results are shown; `forbidden` when the credential may not read them). Detail: `{ code, error }`.
 *
 * @csspart base - The results box.
 * @csspart heading - The heading ("Survey results").
 * @csspart controls - The measure and period choices.
 * @csspart metric-select - The measure menu (`<select>`).
 * @csspart period-select - The period menu (`<select>`).
 * @csspart custom-range - The two date fields of a custom period.
 * @csspart from-input - The custom period's first day.
 * @csspart to-input - The custom period's last day (included).
 * @csspart range-message - Why a custom period is not read.
 * @csspart period - The period read, as dates.
 * @csspart headline - The headline figure with its explanation.
 * @csspart score - The NPS or the average ("4.25 of 5").
 * @csspart explanation - What the figure is ("% promoters − % detractors").
 * @csspart groups - The NPS groups (promoters, passives, detractors).
 * @csspart group - One NPS group: its name, count and share.
 * @csspart counts - The number of answers and of comments.
 * @csspart distribution - The table of answers per score.
 * @csspart bar-track - A score's bar track (decoration).
 * @csspart bar-fill - A score's filled bar (decoration).
 * @csspart status - The status message (loading, stale, offline, error, sign in as staff).
 * @csspart status-title - The heading of the sign-in message.
 * @csspart retry-button - The Retry button.
 * @csspart skeleton - Each placeholder bar of the loading state.
 * @csspart announcement - The polite live region that says new answers arrived (visually hidden).
 *
 * @cssprop --kith-survey-results-background - Box background; defaults to `--kith-color-surface`.
 * @cssprop --kith-survey-results-border - Box border; defaults to 1px solid `--kith-color-border`.
 * @cssprop --kith-survey-results-radius - Corner radius; defaults to `--kith-radius`.
 * @cssprop --kith-survey-results-padding - Inner spacing; defaults to `--kith-space-3`.
 * @cssprop --kith-survey-results-accent - Buttons, focus and the bars; defaults to `--kith-color-accent`.
 * @cssprop --kith-survey-results-track - The bars' track; defaults to `--kith-color-skeleton`.
 */
export class KithSurveyResults extends KithConnectedElement {
  static override styles = [tokens, hostReset, controlStyles, stateStyles, surveyResultsStyles];
  // Declared without decorators: each element chunk would carry its own copy of the decorator helper.
  static override properties = {
    metric: { reflect: true },
    period: { reflect: true },
    from: { reflect: true },
    to: { reflect: true },
    now: { attribute: false },
    announcement: { state: true },
  };

  /** The measure: `nps` (default), `csat` or `ces`. */
  metric: SurveyMetric = 'nps';
  /** The period: `7d`, `30d` (default), `90d`, `12m` or `custom` (then `from` and `to`). */
  period: Period = '30d';
  /** The custom period's first day, `YYYY-MM-DD` in the viewer's time zone. */
  declare from?: string;
  /** The custom period's last day (included), `YYYY-MM-DD` in the viewer's time zone. */
  declare to?: string;
  /** The clock the presets are computed from (epoch ms); `Date.now` when unset. */
  declare now?: () => number;

  /** What the polite live region says (new answers). */
  private announcement = '';
  /** The results last shown, to tell a live update (same period, more answers) from a new choice. */
  private shownBefore: SurveyResults | undefined;

  private readonly localize = new LocalizeController(this, surveyResultsTexts);
  // The figures (headline, groups, the table of scores) are a chunk of their own, fetched as the
  // element connects, while the results load.
  private readonly figures = new LazyPart<typeof FiguresChunk, SurveyFigures>(this, {
    wanted: () => true,
    chunk: () => import('./survey-figures.js'),
    make: (module) => new module.SurveyFigures(this),
    name: '<kith-survey-results> figures',
  });

  private readonly results = new ResourceController<SurveyResults, readonly [KithCore, SurveyMetric, string, string]>(this, {
    args: () => {
      const client = this.connection.client;
      const range = this.range;
      if (!client || !range) return undefined;
      const query = resultsQuery(this.chosenMetric, range);
      return [client, query.metric, query.from, query.to];
    },
    read: ([client, metric, from, to]) => resourceOf(client, surveys).results({ metric, from, to }),
    isEmpty: (results) => results.count === 0,
    onReady: (results) => this.arrived(results),
    onError: (error) => this.emit('kith-error', { code: error.code, error }),
  });

  /**
   * The state shown: `idle` (no client, or a custom period that cannot be read), `loading`,
   * `ready`, `empty` (no answer in the period), `offline` / `stale` (saved results, the latest
   * could not be loaded), `error`, or `not_authorized` (no staff token, or one without `feedback:read`).
   */
  get status(): ResourceStatus {
    const status = this.results.status;
    // A missing or expired token is the same "sign in as staff" as one that may not read feedback.
    return status === failed && this.results.error?.code === 'unauthorized' ? notAuthorized : status;
  }

  /** The error shown, when `status` is `offline`, `stale`, `error` or `not_authorized`. */
  get error(): KithError | undefined {
    return this.results.error;
  }

  /** The results shown (the server's answer for the chosen measure and period). */
  get shown(): SurveyResults | undefined {
    return this.results.value;
  }

  /** The period read, `[from, to)` as local midnights; undefined for a custom period that cannot be read. */
  get range(): { from: Date; to: Date } | undefined {
    return this.period === 'custom' ? this.custom.range : presetRange(this.chosenPeriod, (this.now ?? Date.now)());
  }

  /** Resolves when the texts of the current locale (and the figures' code and texts) have loaded. */
  async localeReady(): Promise<void> {
    await this.localize.ready();
    await this.figures.ready();
  }

  /** Reads the results again (what the Retry button does). */
  retry(): void {
    this.results.retry();
  }

  private get chosenMetric(): SurveyMetric {
    return isMetric(this.metric) ? this.metric : 'nps';
  }

  private get chosenPeriod(): Exclude<Period, 'custom'> {
    return isPeriod(this.period) && this.period !== 'custom' ? this.period : '30d';
  }

  private get custom(): CustomRange {
    return customRange(this.from, this.to);
  }

  private arrived(results: SurveyResults): void {
    const added = newAnswers(this.shownBefore, results);
    this.shownBefore = results;
    if (added > 0) this.announcement = this.localize.t.newAnswers(formatCount(added, this.localize.locale), added);
  }

  private onMetric(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    if (isMetric(value)) this.metric = value;
    this.announcement = '';
  }

  private onPeriod(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    if (!isPeriod(value)) return;
    // Custom starts from the period shown until now, so the staff member edits dates rather than types both.
    if (value === 'custom' && this.period !== 'custom') {
      const shown = presetRange(this.chosenPeriod, (this.now ?? Date.now)());
      this.from = dayString(shown.from);
      this.to = dayString(lastDay(shown));
    }
    this.period = value;
    this.announcement = '';
  }

  private onDay(event: Event, which: 'from' | 'to'): void {
    this.announcement = '';
    this[which] = (event.target as HTMLInputElement).value;
  }

  private onRetry(): void {
    this.retry();
    // The button disappears while loading: keep focus in the element, not on <body>.
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.survey-results')?.focus());
  }

  protected override render(): TemplateResult {
    const { t, common } = this.localize;
    const status = this.status;
    const results = this.results.value;
    const saved = status === stale || status === offline;
    const signedOut = status === notAuthorized;
    const configured = this.connection.client !== undefined;
    const invalid = this.period === 'custom' ? this.custom.problem : undefined;
    const own = status === idle && invalid ? '' : status === empty ? t.empty : undefined;
    return html`
      <section class="kith-root survey-results focusable" part="base" lang=${t.$lang} tabindex="-1" aria-labelledby="heading"
        aria-busy=${status === loading ? 'true' : 'false'}>
        <h2 class="heading" part="heading" id="heading">${t.title}</h2>
        ${configured && !signedOut ? this.renderControls(invalid) : nothing}
        ${status === loading ? skeleton(5) : nothing}
        ${results && (status === ready || saved) ? (this.figures.value?.render(results) ?? skeleton(5)) : nothing}
        ${statusLine(status, t, common, this.error, own)}
        ${status === failed || signedOut || saved
          ? html`<button class="button retry" part="retry-button" type="button" @click=${this.onRetry}>${common.retry}</button>`
          : nothing}
        <p class="visually-hidden" part="announcement" role="status">${this.announcement}</p>
      </section>
    `;
  }

  private renderControls(invalid: string | undefined): TemplateResult {
    const { t, locale } = this.localize;
    const range = this.range;
    const custom = this.period === 'custom';
    const problem =
      invalid === 'tooLong' ? t.rangeProblems.tooLong(formatCount(SURVEY_RESULTS_MAX_DAYS, locale)) : invalid === 'missing' || invalid === 'order' ? t.rangeProblems[invalid] : '';
    const described = problem ? 'range-message' : nothing;
    return html`
      <div class="controls" part="controls">
        <label class="field">
          <span class="label">${t.metricLabel}</span>
          <select class="select focusable" part="metric-select" .value=${this.chosenMetric} @change=${this.onMetric}>
            ${METRICS.map((metric) => html`<option value=${metric} ?selected=${metric === this.chosenMetric}>${t.metrics[metric]}</option>`)}
          </select>
        </label>
        <label class="field">
          <span class="label">${t.periodLabel}</span>
          <select class="select focusable" part="period-select" .value=${custom ? 'custom' : this.chosenPeriod} @change=${this.onPeriod}>
            ${PERIODS.map((period) => html`<option value=${period} ?selected=${period === (custom ? 'custom' : this.chosenPeriod)}>${t.periods[period]}</option>`)}
          </select>
        </label>
        ${custom
          ? html`<div class="custom" part="custom-range">
              <label class="field">
                <span class="label">${t.fromLabel}</span>
                <input class="date focusable" part="from-input" type="date" .value=${this.from ?? ''} aria-invalid=${problem ? 'true' : 'false'}
                  aria-describedby=${described} @change=${(event: Event) => this.onDay(event, 'from')} />
              </label>
              <label class="field">
                <span class="label">${t.toLabel}</span>
                <input class="date focusable" part="to-input" type="date" .value=${this.to ?? ''} aria-invalid=${problem ? 'true' : 'false'}
                  aria-describedby=${described} @change=${(event: Event) => this.onDay(event, 'to')} />
              </label>
            </div>`
          : nothing}
        <p class="range-message" part="range-message" id="range-message" aria-live="polite">${problem}</p>
        ${range && !problem
          ? html`<p class="period" part="period">${t.periodShown(dateTimeFormat(locale, { dateStyle: 'medium' }).formatRange(range.from, lastDay(range)))}</p>`
          : nothing}
      </div>
    `;
  }
}
