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
