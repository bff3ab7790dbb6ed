// Opaque list cursors: base64url of the JSON sort key of the last row handed out (ending in
// its id), so the next page starts strictly after it however rows are added meanwhile.
// Shared by the timeline and the board lists.
import type * as z from 'zod/mini';
import { validationError } from '../http/errors.js';

/** The cursor of a row's sort key. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** The sort key in a cursor, checked with `schema`; anything else is a 400 on `cursor`. */
export function decodeCursor<T>(cursor: string, schema: z.ZodMiniType<T>): T {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString());
  } catch {
    value = undefined;
  }
  const result = schema.safeParse(value);
  if (!result.success) throw validationError('Invalid query: cursor is not one this list handed out', [{ path: ['cursor'], message: 'Unknown cursor' }]);
  return result.data;
}
