import type { Money } from '@kith/schema';

/** Intl formatters made once per kind, locale and options: a list renders thousands of dates (making one costs more than using it). */
const formatters = new Map<string, { format: (...args: never[]) => string }>();
function formatter<F extends { format: (...args: never[]) => string }>(key: string, make: () => F): F {
  let made = formatters.get(key) as F | undefined;
  if (!made) formatters.set(key, (made = make()));
  return made;
}


/** How many minor units a currency has (2 for EUR, 0 for JPY, 3 for KWD), from ICU's data. */
export function currencyDigits(currency: string): number {
  return currencyFormat('en', currency).resolvedOptions().maximumFractionDigits ?? 2;
}

const currencyFormat = (locale: string, currency: string) =>
  formatter(`c${locale}${currency}`, () => new Intl.NumberFormat(locale, { style: 'currency', currency }));

/** A minor-unit integer as an exact decimal string: 123456 with 2 digits → "1234.56". */
function decimal(amount: number, digits: number): string {
  const sign = amount < 0 ? '-' : '';
  const units = String(Math.abs(amount)).padStart(digits + 1, '0');
  return digits === 0 ? `${sign}${units}` : `${sign}${units.slice(0, -digits)}.${units.slice(-digits)}`;
}

/**
 * Formats money held in minor units in the given locale. The decimal is passed to Intl as a
 * string, so no float rounding happens on the way (Intl formats numeric strings exactly).
 */
export function formatMoney(money: Money, locale: string): string {
  let format: Intl.NumberFormat;
  try {
    format = currencyFormat(locale, money.currency);
  } catch {
    format = currencyFormat('en', money.currency);
  }
  const value = decimal(money.amount, currencyDigits(money.currency));
  return format.format(value as `${number}`);
}

/** A whole number in the viewer's locale ("1,180", "1.180"); `signed` adds + / − ("+189", "−500"). */
export function formatCount(value: number, locale: string, signed = false): string {
  return formatter(`n${locale}${signed}`, () =>
    new Intl.NumberFormat(locale, { maximumFractionDigits: 0, ...(signed ? { signDisplay: 'exceptZero' } : {}) }),
  ).format(value);
}

/** A date (and time) formatter for `locale` and `options`, made once. */
export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return formatter(`d${locale}${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(locale, options));
}

/** A date in the viewer's locale and time zone ("12 Mar 2027"). */
export function formatDate(iso: string, locale: string): string {
  return dateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(iso));
}

/** A share (0 to 1) as a percentage in the viewer's locale ("72 %", "72%"). */
export function formatPercent(share: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

/** "3 days ago", "3 天前": a value and unit for Intl.RelativeTimeFormat, in the viewer's locale. */
export function formatRelative(value: number, unit: Intl.RelativeTimeFormatUnit, locale: string): string {
  return formatter(`r${locale}`, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })).format(value, unit);
}

/** A language's name in the viewer's locale ("zh-Hant" → "Chinese (Traditional)", "中文（繁體）"); the tag itself if Intl cannot name it. */
export function languageName(tag: string, locale: string): string {
  try {
    return new Intl.DisplayNames(locale, { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}
