// What this browser remembers of a survey: that the shopper answered or dismissed it, and when.
// Plain functions (no Lit), read defensively: storage is writable by any script of the page.
import { SURVEY_SCALES, type SurveyMetric } from '@kith/schema';
import { recall, remember } from './review.model.js';

/** How long a dismissed or answered survey stays hidden in this browser (the server's default cap). */
export const SUPPRESS_MS = 30 * 86_400_000;

/** The comment's limit (the schema's `longText(2000)`), counted as the server counts it. */
export const COMMENT_MAX = 2000;

export type Suppression = 'answered' | 'dismissed';

export const isMetric = (kind: string): kind is SurveyMetric => Object.hasOwn(SURVEY_SCALES, kind);

/** The scores of a metric's scale, lowest first. */
export function scoresOf(metric: SurveyMetric): number[] {
  const { min, max } = SURVEY_SCALES[metric];
  return Array.from({ length: max - min + 1 }, (_, i) => min + i);
}

export const storageKey = (metric: SurveyMetric): string => `kith:survey:${metric}`;

/** Why this survey is hidden now in this browser, if it is (a remembered answer or dismissal under 30 days old). */
export function suppressionOf(metric: SurveyMetric, now: number): Suppression | undefined {
  const text = recall(storageKey(metric));
  if (!text) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return undefined;
    const { reason, at } = value as Record<string, unknown>;
    if ((reason !== 'answered' && reason !== 'dismissed') || typeof at !== 'number') return undefined;
    // A time in the future (a changed clock, a forged value) does not hide it for longer than the window.
    return at <= now && now - at < SUPPRESS_MS ? reason : undefined;
  } catch {
    return undefined;
  }
}

/** Remembers an answer or a dismissal; returns until when the survey stays hidden. */
export function suppress(metric: SurveyMetric, reason: Suppression, now: number): Date {
  remember(storageKey(metric), JSON.stringify({ reason, at: now }));
  return new Date(now + SUPPRESS_MS);
}

/** Forgets an answer that was refused after all: the survey may be asked again. */
export function forget(metric: SurveyMetric): void {
  remember(storageKey(metric), undefined);
}
