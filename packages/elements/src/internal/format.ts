import type { Money } from '@kith/schema';

/** How many minor units a currency has (2 for EUR, 0 for JPY, 3 for KWD), from ICU's data. */
export function currencyDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

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
    format = new Intl.NumberFormat(locale, { style: 'currency', currency: money.currency });
  } catch {
    format = new Intl.NumberFormat('en', { style: 'currency', currency: money.currency });
  }
  const value = decimal(money.amount, currencyDigits(money.currency));
  return format.format(value as `${number}`);
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A whole number in the viewer's locale ("1,180", "1.180"); `signed` adds + / − ("+189", "−500"). */
export function formatCount(value: number, locale: string, signed = false): string {
  const key = `${locale}|${signed}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: 0, ...(signed ? { signDisplay: 'exceptZero' } : {}) });
    numberFormats.set(key, format);
  }
  return format.format(value);
}

/** A date in the viewer's locale and time zone ("12 Mar 2027"). */
export function formatDate(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(iso));
}

/** A share (0 to 1) as a percentage in the viewer's locale ("72 %", "72%"). */
export function formatPercent(share: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

/** "3 days ago", "3 天前": a value and unit for Intl.RelativeTimeFormat, in the viewer's locale. */
export function formatRelative(value: number, unit: Intl.RelativeTimeFormatUnit, locale: string): string {
  return new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(value, unit);
}

/** A language's name in the viewer's locale ("zh-Hant" → "Chinese (Traditional)", "中文（繁體）"); the tag itself if Intl cannot name it. */
export function languageName(tag: string, locale: string): string {
  try {
    return new Intl.DisplayNames(locale, { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}
