// Dates, amounts and points in the page's locale through Intl, each formatter built once.
import type { Money } from '@kith/schema';
import { LOCALE } from './config.js';

const moneyFormats = new Map<string, Intl.NumberFormat>();
const numberFormat = new Intl.NumberFormat(LOCALE);
const dateFormat = new Intl.DateTimeFormat(LOCALE, { dateStyle: 'medium' });
const timeFormat = new Intl.DateTimeFormat(LOCALE, { dateStyle: 'medium', timeStyle: 'short' });
const listFormat = new Intl.ListFormat(LOCALE, { type: 'conjunction' });
const signedFormat = new Intl.NumberFormat(LOCALE, { signDisplay: 'exceptZero' });

/** An amount in minor units (cents, yen) as the currency writes it: the currency says how many decimals. */
export function money(value: Money): string {
  let format = moneyFormats.get(value.currency);
  if (!format) {
    format = new Intl.NumberFormat(LOCALE, { style: 'currency', currency: value.currency });
    moneyFormats.set(value.currency, format);
  }
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(value.amount / 10 ** digits);
}

export const count = (value: number): string => numberFormat.format(value);
/** Points with their sign: "+120", "−50". */
export const signed = (value: number): string => signedFormat.format(value);
export const date = (value: string | number): string => dateFormat.format(new Date(value));
export const dateTime = (value: string | number): string => timeFormat.format(new Date(value));
/** "a, b and c" in the page's language. */
export const list = (items: readonly string[]): string => listFormat.format(items);
