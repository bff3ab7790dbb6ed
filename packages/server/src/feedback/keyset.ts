import * as z from 'zod/mini';
import { validationError } from '../http/errors.js';

/**
 * Keyset paging for the feedback and review lists. Every ordering of these lists is
 * expressed as one ascending key `(rank, key, id)`: `rank` a small integer (a group such as
 * "overdue"), `key` a number as exact decimal text (e.g. minus the epoch seconds of
 * `created_at` for newest-first, or a rating), `id` the tie-breaker. One shape means one
 * SQL row comparison, `(rank, key, id) > ($a, $b::numeric, $c::uuid)`, for every sort.
 *
 * `asOf` pins the instant time-dependent ranks were computed at (a complaint turning
 * overdue between two pages would otherwise jump groups and be skipped or repeated).
 */
export interface Position {
  rank: number;
  key: string;
  id: string;
  asOf?: string;
}

const PositionJson = z.strictObject({
  rank: z.int(),
  key: z.string().check(z.regex(/^-?\d+(\.\d+)?$/)),
  id: z.uuid(),
  asOf: z.optional(z.iso.datetime()),
});

/** The opaque cursor for a position: base64url of its JSON. */
export function encodeCursor(position: Position): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

/** The position a cursor stands for; a cursor this server did not make is a 400 on `cursor`. */
export function decodeCursor(cursor: string): Position {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    value = undefined;
  }
  const parsed = PositionJson.safeParse(value);
  if (!parsed.success) throw validationError('Invalid query: cursor is not a cursor from this list', [{ path: ['cursor'], message: 'Unknown cursor' }]);
  const { rank, key, id, asOf } = parsed.data;
  return asOf === undefined ? { rank, key, id } : { rank, key, id, asOf };
}

/** A row carrying its position columns, as the list queries select them. */
export interface KeyedRow {
  id: string;
  sort_rank: number;
  sort_key: string;
}

/**
 * Cuts the `limit + 1` rows a list query fetched into a page: the extra row only tells
 * that there is a next page, whose cursor is the last row shown.
 */
export function pageOf<R extends KeyedRow, T>(rows: R[], limit: number, map: (row: R) => T, asOf?: Date): { items: T[]; next: string | null } {
  const shown = rows.slice(0, limit);
  const last = shown.at(-1);
  const next =
    rows.length > limit && last
      ? encodeCursor({ rank: last.sort_rank, key: String(last.sort_key), id: last.id, ...(asOf ? { asOf: asOf.toISOString() } : {}) })
      : null;
  return { items: shown.map(map), next };
}
