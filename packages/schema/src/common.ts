import * as z from 'zod/mini';
import { Currency } from './currency.js';

/** Server-assigned identifier of any record (a UUID). */
export const Id = z.uuid();
export type Id = z.infer<typeof Id>;

/** An instant in UTC, ISO 8601 with a `Z` or offset, e.g. `2026-11-23T18:00:00.000Z`. */
export const Timestamp = z.iso.datetime({ offset: true });
export type Timestamp = z.infer<typeof Timestamp>;

/** A calendar date without time, `YYYY-MM-DD` (an expected close date, a birthday). */
export const CalendarDate = z.iso.date();
export type CalendarDate = z.infer<typeof CalendarDate>;

/** Non-empty, trimmed-length-bounded text for a short field (a name, a title). */
export const shortText = (max = 200) =>
  z.string().check(z.trim(), z.minLength(1, 'Must not be empty'), z.maxLength(max));

/** Free text such as a review body or a note: may be long, never empty. */
export const longText = (max = 10_000) =>
  z.string().check(z.trim(), z.minLength(1, 'Must not be empty'), z.maxLength(max));

/**
 * Text a shopper writes and a page shows as written (a review's title, body and name): kept
 * exactly as sent, not trimmed, so what is stored and shown is byte-identical to what was
 * typed. Refused when it is only whitespace, and when it holds a lone surrogate (half of a
 * UTF-16 pair, which UTF-8 storage would silently turn into U+FFFD) or U+0000 (which
 * Postgres text cannot hold). `max` counts UTF-16 code units of the text as sent.
 */
export const verbatimText = (max: number) =>
  z.string().check(
    z.minLength(1, 'Must not be empty'),
    z.maxLength(max),
    z.refine((text) => text.trim().length > 0, 'Must not be only whitespace'),
    z.refine((text) => !/[\p{Cs}\0]/u.test(text), 'Must not hold U+0000 or half of a surrogate pair'),
  );

/** An e-mail address (a staff login, a complaint's contact). Kept as typed: case is the server's concern. */
export const Email = z.email().check(z.maxLength(254));
export type Email = z.infer<typeof Email>;

/**
 * A phone number as people type it: `+86 138 0013 8000`, `(030) 1234-5678`. Loose on
 * purpose (shoppers write every national format); only 4 to 15 digits (E.164's maximum)
 * with common separators are required, so a typo such as an e-mail in the field is caught.
 */
export const Phone = z.string().check(
  z.trim(),
  z.maxLength(40),
  z.regex(/^\+?(?:[ ()./-]*\d){4,15}[ ()./-]*$/, 'Must be a phone number'),
);
export type Phone = z.infer<typeof Phone>;

/**
 * An absolute web address. Only `http:` and `https:`: these URLs end up in `href` and
 * `src` attributes on shop pages, where `javascript:` or `data:` would be a script injection.
 */
export const WebUrl = z.url({ protocol: /^https?$/ }).check(z.maxLength(2048));
export type WebUrl = z.infer<typeof WebUrl>;

/** The shop's own identifier of a record it syncs in (its user id, its order number). */
export const ExternalId = shortText(128);
export type ExternalId = z.infer<typeof ExternalId>;

/**
 * How a request names a product: Kith's id, or the shop's own id or SKU (`externalId`), so a
 * shop's page can say `product="SKU-123"` without knowing Kith's ids. A value in UUID form is
 * looked up as an id first, then as an external id; anything else as an external id. The
 * rules are `ExternalId`'s (trimmed, 1 to 128 characters), which every UUID also meets.
 */
export const ProductRef = ExternalId;
export type ProductRef = z.infer<typeof ProductRef>;

/** A BCP 47 language tag, e.g. `en`, `zh-Hans`, `zh-Hant-TW`. */
export const LanguageTag = z.string().check(
  z.maxLength(35),
  z.regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'Must be a BCP 47 language tag'),
);
export type LanguageTag = z.infer<typeof LanguageTag>;

/**
 * Money: an integer amount in minor units (cents, fen) and an ISO 4217 currency.
 * Never a float; may be negative only where a schema says so (a refund, a credit).
 */
export const Money = z.strictObject({
  amount: z.int().check(z.minimum(0, 'Money must not be negative')),
  currency: Currency,
});
export type Money = z.infer<typeof Money>;

/** A signed money amount: refunds, adjustments, balances that can go below zero. */
export const SignedMoney = z.strictObject({
  amount: z.int(),
  currency: Currency,
});
export type SignedMoney = z.infer<typeof SignedMoney>;

/** A probability in basis points: 0 (never) to 10,000 (certain). */
export const BasisPoints = z.int().check(z.minimum(0), z.maximum(10_000));
export type BasisPoints = z.infer<typeof BasisPoints>;
