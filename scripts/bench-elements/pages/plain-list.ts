// The baseline of the timeline figures: a plain, non-virtualised Lit list that renders every
// event it is given at once, with markup like the timeline's (month and day headings, an
// article per event with glyph, line, phase, relative time, summary and body). Formatters are
// made once per render, as a careful hand-written list would. The page scrolls.
import { css, html, LitElement, nothing } from 'lit';
import type { Interaction } from '@kith/schema';
import { expose } from '../../bench-sdk/pages/harness.js';
import { nextPaint, scrollPass, settled } from './measure.js';

const GLYPHS: Record<string, string> = { phone: '☎', email: '✉', web: '⌂', mobile: '▯', sms: '✎', chat: '❝', visit: '⚑', fax: '⎙', social: '♯' };
const DAY = 86_400_000;

class BenchPlainList extends LitElement {
  static override properties = { items: { attribute: false } };
  static override styles = css`
    :host { display: block; font: 14px/1.45 system-ui, sans-serif; }
    .feed { padding: 12px; border: 1px solid #d0d4da; border-radius: 8px; }
    h3 { margin: 8px 0 4px; font-size: 1.125em; }
    h4 { margin: 8px 0 4px; font-size: 0.875em; color: #5b6470; }
    article { display: block; padding: 8px; }
    article + article { border-top: 1px solid #d0d4da; }
    .row { display: flex; gap: 8px; }
    .icon { flex: none; width: 1.5em; text-align: center; }
    .content { flex: 1; min-width: 0; }
    .meta { display: flex; flex-wrap: wrap; align-items: baseline; gap: 4px 8px; }
    .line { font-weight: 600; }
    .phase { padding: 0 4px; border: 1px solid #d0d4da; border-radius: 999px; font-size: 0.75em; }
    time { color: #5b6470; font-size: 0.875em; }
    p { margin: 4px 0 0; }
  `;

  items: Interaction[] = [];

  protected override render() {
    const now = Date.now();
    const month = new Intl.DateTimeFormat('en', { year: 'numeric', month: 'long', timeZone: 'UTC' });
    const day = new Intl.DateTimeFormat('en', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });
    const absolute = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });
    const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
    let lastMonth = '';
    let lastDay = '';
    const total = this.items.length;
    return html`<div class="feed" role="feed">
      ${this.items.map((item, i) => {
        const at = new Date(item.occurredAt);
        const m = item.occurredAt.slice(0, 7);
        const d = item.occurredAt.slice(0, 10);
        const newMonth = m !== lastMonth;
        const newDay = d !== lastDay;
        lastMonth = m;
        lastDay = d;
        const days = Math.round((at.getTime() - now) / DAY);
        return html`<article tabindex="0" aria-posinset=${i + 1} aria-setsize=${total} data-id=${item.id}>
          ${newMonth ? html`<h3>${month.format(at)}</h3>` : nothing}
          ${newDay ? html`<h4>${day.format(at)}</h4>` : nothing}
          <div class="row">
            <span class="icon" aria-hidden="true">${GLYPHS[item.channel] ?? '•'}</span>
            <div class="content">
              <div class="meta">
                <span class="line">${item.type.replace('_', ' ')}, ${item.direction}</span>
                <span class="phase">${item.phase.replace('_', '-')}</span>
                <time datetime=${item.occurredAt} title=${absolute.format(at)}>${relative.format(days, 'day')}</time>
              </div>
              <p class="summary">${item.summary}</p>
              ${item.body ? html`<p class="body">${item.body}</p>` : nothing}
            </div>
          </div>
        </article>`;
      })}
    </div>`;
  }
}
customElements.define('bench-plain-list', BenchPlainList);

let items: Interaction[] = [];
let list: BenchPlainList | undefined;

expose('plain', {
  /** Hands the page the events (from the timeline, so both show the same ones). */
  setItems(given: Interaction[]) {
    items = given;
    return items.length;
  },

  /** Connect with every event → the frame after painted (the data is in memory already). */
  async firstRender() {
    const el = document.createElement('bench-plain-list') as BenchPlainList;
    el.items = items;
    list = el;
    const connected = performance.now();
    document.body.append(el);
    await settled(el);
    const painted = await nextPaint();
    return { ms: painted - connected, items: el.items.length, articles: el.shadowRoot?.querySelectorAll('article').length ?? 0 };
  },

  /** A full update: requestUpdate() → the frame after painted. */
  async rerender() {
    const el = list;
    if (!el) throw new Error('firstRender first');
    await nextPaint();
    const started = performance.now();
    el.requestUpdate();
    await settled(el);
    const painted = await nextPaint();
    return { ms: painted - started, items: el.items.length, articles: el.shadowRoot?.querySelectorAll('article').length ?? 0 };
  },

  scroll(steps: number) {
    if (!list) throw new Error('firstRender first');
    return scrollPass(list, steps);
  },
});
