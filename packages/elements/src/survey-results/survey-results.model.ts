// What `<kith-survey-results>` derives from the staff's choices and the server's answer, apart from
// rendering (pure functions, unit-tested in node). Days are the viewer's: local midnights of the
// runtime's time zone, so "last 7 days" means the seven calendar days the staff member lives in.
import { DAY_MS, SURVEY_RESULTS_MAX_DAYS, type SurveyMetric, type SurveyResultsQuery } from '@kith/schema';

/** The measures a page may ask for, in the order the menu lists them. */
export const METRICS = ['nps', 'csat', 'ces'] as const satisfies readonly SurveyMetric[];

/** The periods of the menu: the last 7, 30 or 90 days, the last 12 months (today included), or dates of one's own. */
export const PERIODS = ['7d', '30d', '90d', '12m', 'custom'] as const;
export type Period = (typeof PERIODS)[number];
export type PresetPeriod = Exclude<Period, 'custom'>;

/** Days per preset (12 months are counted by the calendar instead, see {@link presetRange}). */
const PRESET_DAYS: Record<Exclude<PresetPeriod, '12m'>, number> = { '7d': 7, '30d': 30, '90d': 90 };

/** A half-open period `[from, to)` as local midnights. */
export interface DayRange {
  from: Date;
  to: Date;
}

/** Why a custom period is not read: a date missing, the end before the start, or longer than the API allows. */
export type RangeProblem = 'missing' | 'order' | 'tooLong';

export type CustomRange = { range: DayRange; problem?: undefined } | { range?: undefined; problem: RangeProblem };

export const isMetric = (value: unknown): value is SurveyMetric => (METRICS as readonly unknown[]).includes(value);
export const isPeriod = (value: unknown): value is Period => (PERIODS as readonly unknown[]).includes(value);

/** Local midnight of the day `offset` days after the day of `date` (DST-safe: the calendar, not 24 h steps). */
function dayOf(date: Date, offset = 0): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + offset);
}

/**
 * A preset's period from the clock: from the local midnight that starts its first day to the
 * midnight after today (exclusive), so today's answers count and consecutive reads agree. The
 * last 12 months start the day after the same date a year ago (29 February → 1 March).
 */
export function presetRange(period: PresetPeriod, now: number): DayRange {
  const today = new Date(now);
  const to = dayOf(today, 1);
  if (period === '12m') {
    const year = today.getFullYear() - 1;
    const month = today.getMonth();
    const lastDay = new Date(year, month + 1, 0).getDate();
    return { from: new Date(year, month, Math.min(today.getDate(), lastDay) + 1), to };
  }
  return { from: dayOf(today, 1 - PRESET_DAYS[period]), to };
}

/** `YYYY-MM-DD` of a local date, as `<input type="date">` holds it. */
export function dayString(date: Date): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The local midnight of a `YYYY-MM-DD` day; undefined for anything else (an empty or half-typed field). */
export function parseDay(value: string | undefined): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value ?? '');
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]) - 1, Number(match[3])];
  const date = new Date(year, month, day);
  // 2026-02-31 is not a day: Date would roll it over to March.
  if (date.getFullYear() !== year || date.getMonth() !== month || date.getDate() !== day) return undefined;
  return date;
}

/**
 * The period of two dates the staff typed, both days included (the end shown is the last day
 * counted; the query's `to` is the midnight after it), or why it cannot be read. The length is
 * checked as the server checks it, in milliseconds, so a period the element sends is never refused.
 */
export function customRange(fromDay: string | undefined, toDay: string | undefined): CustomRange {
  const from = parseDay(fromDay);
  const last = parseDay(toDay);
  if (!from || !last) return { problem: 'missing' };
  if (last < from) return { problem: 'order' };
  const to = dayOf(last, 1);
  if (to.getTime() - from.getTime() > SURVEY_RESULTS_MAX_DAYS * DAY_MS) return { problem: 'tooLong' };
  return { range: { from, to } };
}

/** The API's query for a metric over a period. */
export const resultsQuery = (metric: SurveyMetric, range: DayRange): SurveyResultsQuery => ({
  metric,
  from: range.from.toISOString(),
  to: range.to.toISOString(),
});

/** The last day a period counts (its `to` is the midnight after it), for showing the period. */
export const lastDay = (range: DayRange): Date => dayOf(range.to, -1);

/** How many more answers a fresh read of the same period holds than the one shown (a live update), else 0. */
export function newAnswers(
  before: { metric: string; from: string; to: string; count: number } | undefined,
  after: { metric: string; from: string; to: string; count: number },
): number {
  if (!before || before.metric !== after.metric || before.from !== after.from || before.to !== after.to) return 0;
  return Math.max(0, after.count - before.count);
}
