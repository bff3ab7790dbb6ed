// What a full card's details derive from a customer, kept apart from rendering so it can be tested alone.
import type { ContactChannel, Credit } from '@kith/schema';

/**
 * The link a contact channel may become: `mailto:` for an e-mail address, `tel:` for a phone
 * number (phone, mobile, SMS, fax), nothing for anything else. The value comes from a person or an
 * import and is shown as text whatever it is; only a value that is plainly an address or a number
 * becomes a link, and the link is built here, never taken from the value (no `javascript:`).
 */
export function contactHref(channel: ContactChannel): string | undefined {
  const value = channel.value.trim();
  if (channel.kind === 'email') {
    // Letters, digits and . _ + - only: a `?`, `&`, `=` or `%` would let a value prefill a subject or body.
    return /^[\p{L}\p{N}._+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}$/u.test(value) ? `mailto:${value}` : undefined;
  }
  if (channel.kind === 'phone' || channel.kind === 'mobile' || channel.kind === 'sms' || channel.kind === 'fax') {
    if (!/^\+?[\d\s().\-/]{3,40}$/u.test(value)) return undefined;
    const digits = value.replace(/[^\d+]/gu, '');
    return /^\+?\d{3,20}$/u.test(digits) ? `tel:${digits}` : undefined;
  }
  return undefined;
}

/** The share of a credit line in use, 0 to 1 (over the limit stays 1; the card says by how much). */
export function creditShare(credit: Credit): number {
  if (credit.limit.amount <= 0) return credit.used.amount > 0 ? 1 : 0;
  return Math.min(1, Math.max(0, credit.used.amount / credit.limit.amount));
}

/** Whole days from now to `iso` (negative: in the past) and the unit Intl.RelativeTimeFormat reads best in. */
export function relativeParts(iso: string, now: number): { value: number; unit: Intl.RelativeTimeFormatUnit } {
  const seconds = Math.round((Date.parse(iso) - now) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 60) return { value: seconds, unit: 'second' };
  if (abs < 3600) return { value: Math.round(seconds / 60), unit: 'minute' };
  if (abs < 86_400) return { value: Math.round(seconds / 3600), unit: 'hour' };
  if (abs < 86_400 * 30) return { value: Math.round(seconds / 86_400), unit: 'day' };
  if (abs < 86_400 * 365) return { value: Math.round(seconds / (86_400 * 30)), unit: 'month' };
  return { value: Math.round(seconds / (86_400 * 365)), unit: 'year' };
}
