/** The value, or a thrown error naming what was missing (a bug, not an input problem). */
export function must<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`Expected ${what}`);
  return value;
}
