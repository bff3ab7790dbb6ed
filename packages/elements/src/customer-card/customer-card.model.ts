// What the card's head derives from a customer, kept apart from rendering so it can be tested alone.
import type { Customer } from '@kith/schema';

const DAY = 86_400_000;

/** Up to two initials for the avatar: first and last word ("Ada Lovelace" → "AL"); one character for CJK names. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/u).filter(Boolean);
  const first = [...(words[0] ?? '')][0] ?? '?';
  // Han, Hiragana/Katakana, Hangul: a single character is how such a name is abbreviated.
  if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(first)) return first;
  const last = words.length > 1 ? ([...(words.at(-1) ?? '')][0] ?? '') : '';
  return (first + last).toLocaleUpperCase();
}

/** Why a customer is at risk, in their own rhythm: days since the last order, and the usual gap between orders. */
export interface ChurnReason {
  daysSince: number;
  /** The average gap between orders in days; null with fewer than two orders. */
  usualEvery: number | null;
}

export function churnReason(value: Customer['value'], now: number): ChurnReason | null {
  if (!value.lastOrderAt) return null;
  const last = Date.parse(value.lastOrderAt);
  const daysSince = Math.max(0, Math.floor((now - last) / DAY));
  const first = value.firstOrderAt ? Date.parse(value.firstOrderAt) : NaN;
  const gaps = value.orderCount - 1;
  const usualEvery = gaps >= 1 && Number.isFinite(first) ? Math.max(1, Math.round((last - first) / DAY / gaps)) : null;
  return { daysSince, usualEvery };
}
