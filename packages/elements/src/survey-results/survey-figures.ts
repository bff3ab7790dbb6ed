// The figures of <kith-survey-results> — the headline (the NPS with its groups, or the CSAT / CES
// average), the counts, and the table of answers per score with its bars — as a chunk of its
// own, fetched as the element connects, while the results load. It renders into the element's
// shadow root, as a reactive controller of the element, with its own styles and texts.
import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { NpsResults, SurveyResults } from '@kith/schema';
import { adoptLazyStyles } from '../internal/adopt-styles.js';
import { formatCount, formatPercent } from '../internal/format.js';
import { TextsController } from '../internal/texts-controller.js';
import { surveyFiguresTexts } from './locales/figures-catalog.js';
import { NPS_GROUPS, npsGroupOf, scaleMax, share } from './survey-figures.model.js';
import { surveyFiguresStyles } from './survey-figures.styles.js';

/**
 * What the figures need of the element that shows them. The chunk imports nothing of the
 * element's own modules: an import would make the element's chunk export to this one.
 */
export interface FiguresHost extends ReactiveControllerHost, HTMLElement {
  locale?: string | undefined;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/** An average with two decimals in the viewer's locale ("4.25", "4,25"), as the server rounds it. */
const formatAverage = (value: number, locale: string): string =>
  new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);

export class SurveyFigures implements ReactiveController {
  readonly #host: FiguresHost;
  readonly #localize: TextsController<typeof surveyFiguresTexts.en>;

  constructor(host: FiguresHost) {
    this.#host = host;
    this.#localize = new TextsController(host, surveyFiguresTexts);
    host.addController(this);
    adoptLazyStyles(host.renderRoot, surveyFiguresStyles, 'survey-figures');
  }

  /** Bar lengths go through the CSSOM: a page's CSP without 'unsafe-inline' refuses style attributes. */
  hostUpdated(): void {
    for (const el of this.#host.renderRoot.querySelectorAll<HTMLElement>('[data-fill]')) el.style.setProperty('--fill', el.dataset['fill'] ?? '0');
  }

  /** Resolves once the texts of the current locale have loaded. */
  ready(): Promise<void> {
    return this.#localize.ready();
  }

  render(results: SurveyResults): TemplateResult {
    const { t, locale } = this.#localize;
    return html`
      <div class="headline" part="headline" lang=${t.$lang}>
        ${results.metric === 'nps' ? this.#nps(results) : html`
          <p class="figure-line"><span class="name">${t.averageName[results.metric]}</span>
            <span class="score" part="score">${results.average === null
              ? '—'
              : t.average(formatAverage(results.average, locale), formatCount(scaleMax(results.metric), locale))}</span></p>`}
        <p class="counts" part="counts">${t.answers(formatCount(results.count, locale), results.count)} · ${t.comments(formatCount(results.comments, locale), results.comments)}</p>
      </div>
      ${this.#distribution(results)}
    `;
  }

  #nps(results: NpsResults): TemplateResult {
    const { t, locale } = this.#localize;
    return html`
      <p class="figure-line"><span class="name">${t.npsName}</span>
        <span class="score" part="score">${results.nps === null ? '—' : formatCount(results.nps, locale)}</span></p>
      <p class="explanation" part="explanation">${t.npsExplained}</p>
      <dl class="groups" part="groups">
        ${NPS_GROUPS.map((group) => html`<div class="group ${group}" part="group group-${group}">
          <dt>${t.groups[group]}</dt>
          <dd>${t.groupValue(formatCount(results[group], locale), formatPercent(share(results[group], results.count), locale))}</dd>
        </div>`)}
      </dl>
    `;
  }

  #distribution(results: SurveyResults): TemplateResult {
    const { t, locale } = this.#localize;
    return html`
      <table class="distribution" part="distribution" lang=${t.$lang}>
        <caption>${t.distribution}</caption>
        <thead><tr><th class="score-column" scope="col">${t.columns.score}</th><th class="number answers-column" scope="col">${t.columns.answers}</th><th scope="col">${t.columns.share}</th></tr></thead>
        <tbody>
          ${results.distribution.map(({ score, count }) => {
            const part = share(count, results.count);
            const group = results.metric === 'nps' ? npsGroupOf(score) : 'plain';
            return html`<tr data-score=${score}>
              <th scope="row">${formatCount(score, locale)}</th>
              <td class="number">${formatCount(count, locale)}</td>
              <td><span class="share"><span class="track" part="bar-track" aria-hidden="true"><span class="fill ${group}" part="bar-fill" data-fill=${part}></span></span>
                <span class="number">${formatPercent(part, locale)}</span></span></td>
            </tr>`;
          })}
        </tbody>
      </table>
    `;
  }
}
