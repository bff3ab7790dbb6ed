// Name-ordered keyset paging, shared by the customer list, an organisation's contacts and
// the staff directory: the cursor is base64url of the last row's [name, id], so the next
// page starts strictly after it however rows are added or removed meanwhile.
import * as z from 'zod/mini';
import { validationError } from '../http/errors.js';

const NameKey = z.tuple([z.string().check(z.maxLength(400)), z.uuid()]);

/** The position after which a page starts. */
export interface NamePosition {
  name: string;
  id: string;
}

/** The opaque cursor of a row. */
export function encodeNameCursor(row: NamePosition): string {
  return Buffer.from(JSON.stringify([row.name, row.id])).toString('base64url');
}

/** The position a cursor stands for; a cursor this server did not hand out is a 400 on `cursor`. */
export function decodeNameCursor(cursor: string): NamePosition {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    value = undefined;
  }
  const parsed = NameKey.safeParse(value);
  if (!parsed.success) throw validationError('Invalid query: cursor is not one this list handed out', [{ path: ['cursor'], message: 'Unknown cursor' }]);
  return { name: parsed.data[0], id: parsed.data[1] };
}

/**
 * Cuts the `limit + 1` rows a query fetched into a page: the extra row only says that a
 * next page exists, whose cursor is the last row shown.
 */
export function namePage<R extends NamePosition, T>(rows: readonly R[], limit: number, map: (row: R) => T): { items: T[]; next: string | null } {
  const shown = rows.slice(0, limit);
  const last = shown.at(-1);
  return { items: shown.map(map), next: rows.length > limit && last ? encodeNameCursor(last) : null };
}

/**
 * Byte order (`COLLATE "C"`) for names: the same on PGlite and PostgreSQL whatever their
 * locale, so a cursor means the same on both and the order is total with the id.
 */
export const NAME_ORDER = 'COLLATE "C"';
