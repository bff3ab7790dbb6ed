import type * as z from 'zod/mini';
import { validationError } from '../http/errors.js';

/**
 * Opaque list cursors: base64url of the JSON of the last row's sort key and id. Decoding
 * checks the shape with a schema, so a tampered or foreign cursor is a 400 on `cursor`,
 * never a SQL error.
 */
export const encodeCursor = (key: readonly unknown[]): string => Buffer.from(JSON.stringify(key)).toString('base64url');

export function decodeCursor<T>(cursor: string, schema: z.ZodMiniType<T>): T {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    value = undefined;
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw validationError('Invalid query: cursor is not a cursor of this list', [{ path: ['cursor'], message: 'Invalid cursor' }]);
  return parsed.data;
}
