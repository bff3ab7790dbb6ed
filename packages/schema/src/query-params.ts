// Query-string helpers every list route's schema shares.
import * as z from 'zod/mini';

/** A query parameter that may be repeated (`?rating=4&rating=5`): always an array after parsing. */
export const repeated = (max: number) =>
  z.pipe(
    z.union([z.string(), z.array(z.string())]),
    z.transform((value: string | string[]) => (Array.isArray(value) ? value : [value])),
  ).check(z.minLength(1), z.maxLength(max));

/** `true` / `false` in a query string. */
export const queryBoolean = z.pipe(z.enum(['true', 'false']), z.transform((value) => value === 'true'));

/** `limit` as every list takes it (see `PageQuery`). */
export const limit = z.optional(z.pipe(z.coerce.number(), z.int().check(z.minimum(1), z.maximum(100))));
