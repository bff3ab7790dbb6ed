// What the timeline derives from its pages (order, grouping, relative time), kept apart from
// rendering so it can be tested alone.
import type { Interaction } from '@kith/schema';

/** One day of the timeline in the viewer's time zone: `key` is `YYYY-MM-DD` there. */
export interface TimelineDay {
  key: string;
  items: Interaction[];
}

/** One month of the timeline in the viewer's time zone: `key` is `YYYY-MM` there. */
export interface TimelineMonth {
  key: string;
  days: TimelineDay[];
}

const dayKeyFormats = new Map<string, Intl.DateTimeFormat>();

/** `YYYY-MM-DD` of an instant in `timeZone` (default: the viewer's). */
export function dayKey(instant: number | string, timeZone?: string): string {
  const zone = timeZone ?? '';
  let format = dayKeyFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone, numberingSystem: 'latn' });
    dayKeyFormats.set(zone, format);
  }
  const parts = format.formatToParts(typeof instant === 'string' ? Date.parse(instant) : instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** The calendar day before a `YYYY-MM-DD` key (calendar arithmetic, no time zone). */
export function previousDayKey(key: string): string {
  const [year = 0, month = 1, day = 1] = key.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day - 1)).toISOString().slice(0, 10);
}

/** The interactions of several pages: each once (a page may overlap the next after a live change), newest first. */
export function mergePages(pages: readonly (readonly Interaction[])[]): Interaction[] {
  const seen = new Set<string>();
  const items: Interaction[] = [];
  for (const page of pages) {
    for (const item of page) {
      if (seen.has(item.id)) continue;
      seen.add(item.id);
      items.push(item);
    }
  }
  // Stable: ties keep the server's order.
  return items.sort((a, b) => Date.parse(b.occurredAt) - Date.parse(a.occurredAt));
}

/** Newest-first interactions grouped by day inside months, in `timeZone` (default: the viewer's). */
export function groupByMonthAndDay(items: readonly Interaction[], timeZone?: string): TimelineMonth[] {
  const months: TimelineMonth[] = [];
  for (const item of items) {
    const day = dayKey(item.occurredAt, timeZone);
    const month = day.slice(0, 7);
    let lastMonth = months.at(-1);
    if (lastMonth?.key !== month) {
      lastMonth = { key: month, days: [] };
      months.push(lastMonth);
    }
    let lastDay = lastMonth.days.at(-1);
    if (lastDay?.key !== day) {
      lastDay = { key: day, items: [] };
      lastMonth.days.push(lastDay);
    }
    lastDay.items.push(item);
  }
  return months;
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
