import { html, type TemplateResult } from 'lit';
import type { KithError } from '@kith/sdk';
import type { CommonTexts } from '../locales/common/texts.js';
import { ResourceStatus } from './resource-controller.js';

/** The texts an element gives for the states every data element shows the same way. */
export interface StatusTexts {
  loading: string;
  notFound: string;
  /** No client: no provider, no page settings, no `base-url` + `key`. */
  notConfigured: string;
  /** Its own wording of the saved-data notices ("showing saved points"); else the common one. */
  stale?: { offline: string; failed: string } | undefined;
  /** The lead-in before the shared reason: "The customer could not be loaded: …". */
  failed: (reason: string) => string;
}

/**
 * The status line's text for the states every element renders alike (loading, not found, saved
 * data offline or stale, error, not configured); `undefined` for the others, which the element
 * words itself (ready, not authorised…).
 */
export function statusText(status: ResourceStatus, t: StatusTexts, common: CommonTexts, error: KithError | undefined): string | undefined {
  switch (status) {
    case ResourceStatus.loading:
      return t.loading;
    case ResourceStatus.notFound:
      return t.notFound;
    case ResourceStatus.offline:
      return (t.stale ?? common.stale).offline;
    case ResourceStatus.stale:
      return (t.stale ?? common.stale).failed;
    case ResourceStatus.error:
      return t.failed(common.reasons[error?.code ?? 'server']);
    case ResourceStatus.idle:
      return t.notConfigured;
    default:
      return undefined;
  }
}

/** The status line's class (see `stateStyles`): an error, a notice under saved data, for screen readers only while loading, or muted. */
export function statusTone(status: ResourceStatus): string {
  if (status === ResourceStatus.error) return 'error';
  if (status === ResourceStatus.stale || status === ResourceStatus.offline) return 'stale';
  if (status === ResourceStatus.loading) return 'visually-hidden';
  return 'muted';
}

/** The texts of the not-authorised message: a heading and what to do. */
export interface LockedTexts {
  notAuthorized: { title: string; body: string };
}

/**
 * The status line of a data element (`part="status"`, a polite `role="status"`): the not-authorised
 * heading and body, `own` when the element words the state itself (no customer chosen, an empty
 * board), else the shared states' text.
 */
export function statusLine(
  status: ResourceStatus,
  t: StatusTexts & LockedTexts,
  common: CommonTexts,
  error: KithError | undefined,
  own?: string,
): TemplateResult {
  const locked = status === ResourceStatus.notAuthorized;
  return html`<p class="status ${locked ? 'locked' : statusTone(status)}" part="status" role="status">${locked
    ? html`<strong class="status-title" part="status-title">${t.notAuthorized.title}</strong> <span>${t.notAuthorized.body}</span>`
    : (own ?? statusText(status, t, common, error) ?? '')}</p>`;
}

/** The loading placeholder: `bars` grey bars (a title, lines, a short last one), hidden from assistive technology (the status line says "Loading…"). */
export function skeleton(bars: number, className = ''): TemplateResult {
  const bar = (i: number) => (i === 0 ? 'title' : i === bars - 1 && bars > 2 ? 'short' : '');
  return html`<div class=${className} aria-hidden="true">${Array.from({ length: bars }, (_, i) => html`<span class="skeleton ${bar(i)}" part="skeleton"></span>`)}</div>`;
}
