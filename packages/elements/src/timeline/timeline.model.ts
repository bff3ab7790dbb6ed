// What the timeline derives from its pages (order, grouping, relative time), kept apart from
// rendering so it can be tested alone.
import type { InteractionChannel, InteractionPhase, InteractionType } from '@kith/schema';
import { dateTimeFormat } from '../internal/format.js';

/** What the person filters the timeline by: applied by the server over every row. */
export interface TimelineFilters {
  channel: InteractionChannel[];
  type: InteractionType[];
  phase: InteractionPhase[];
  q: string;
}
export const NO_FILTERS: TimelineFilters = { channel: [], type: [], phase: [], q: '' };

/** Day keys already worked out, by instant and zone: a list of 10,000 events asks again on every scroll. */
const dayKeys = new Map<string, string>();

/** `YYYY-MM-DD` of an instant in `timeZone` (default: the viewer's). */
export function dayKey(instant: number | string, timeZone?: string): string {
  const zone = timeZone ?? '';
  const cacheKey = `${instant}|${zone}`;
  const known = dayKeys.get(cacheKey);
  if (known !== undefined) return known;
  const format = dateTimeFormat('en-US', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone, numberingSystem: 'latn' });
  const parts = format.formatToParts(typeof instant === 'string' ? Date.parse(instant) : instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const key = `${part('year')}-${part('month')}-${part('day')}`;
  if (dayKeys.size > 50_000) dayKeys.clear();
  dayKeys.set(cacheKey, key);
  return key;
}

/** The calendar day before a `YYYY-MM-DD` key (calendar arithmetic, no time zone). */
export function previousDayKey(key: string): string {
  const [year = 0, month = 1, day = 1] = key.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day - 1)).toISOString().slice(0, 10);
}

/**
 * The headings that open item `index` of a newest-first list: its month's when it is the first of
 * that month, its day's when it is the first of that day (in `timeZone`, default the viewer's).
 * Asked only for the items rendered, so a long list is never grouped as a whole.
 */
export function headingsAt(items: readonly { occurredAt: string }[], index: number, timeZone?: string): { month?: string; day?: string } {
  const item = items[index];
  if (!item) return {};
  const day = dayKey(item.occurredAt, timeZone);
  const previous = items[index - 1];
  const before = previous ? dayKey(previous.occurredAt, timeZone) : undefined;
  if (day === before) return {};
  return before?.slice(0, 7) === day.slice(0, 7) ? { day } : { month: day.slice(0, 7), day };
}

/** Whether a day key is today, yesterday or another day, seen from `now` in `timeZone`. */
export function dayKind(key: string, now: number, timeZone?: string): 'today' | 'yesterday' | 'other' {
  const today = dayKey(now, timeZone);
  if (key === today) return 'today';
  return key === previousDayKey(today) ? 'yesterday' : 'other';
}

/** Noon UTC of a `YYYY-MM-DD` (or `YYYY-MM`, the 1st) key: a Date to format the day or month with `timeZone: 'UTC'`. */
export function keyDate(key: string): Date {
  const [year = 0, month = 1, day = 1] = key.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day, 12));
}

const UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400],
  ['month', 30 * 86_400],
  ['week', 7 * 86_400],
  ['day', 86_400],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

/** A value and unit for Intl.RelativeTimeFormat: the largest unit that holds at least one ("-3, 'day'"). */
export function relativeTime(iso: string, now: number): { value: number; unit: Intl.RelativeTimeFormatUnit } {
  const seconds = Math.round((Date.parse(iso) - now) / 1000);
  const abs = Math.abs(seconds);
  for (const [unit, size] of UNITS) {
    if (abs >= size) return { value: Math.trunc(seconds / size), unit };
  }
  return { value: 0, unit: 'second' };
}
