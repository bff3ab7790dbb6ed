// What a tile shows, from the page's attributes or the server's summary (pure functions).

/** The most stars a rating has. */
export const MAX_STARS = 5;

/** An attribute that holds a number: absent or blank is `undefined`, never 0 (`Number('')` is). */
export const optionalNumber = {
  fromAttribute: (value: string | null): number | undefined => (value === null || value.trim() === '' ? undefined : Number(value)),
};

/** A page-given average: a finite number from 0 to 5, else `undefined`. */
export function validValue(value: number | undefined): number | undefined {
  return value !== undefined && Number.isFinite(value) && value >= 0 && value <= MAX_STARS ? value : undefined;
}

/** A page-given number of reviews: a whole number from 0, else `undefined`. */
export function validCount(count: number | undefined): number | undefined {
  return count !== undefined && Number.isSafeInteger(count) && count >= 0 ? count : undefined;
}

/** What a tile shows: the average (null: no reviews yet) and, when known, how many reviews. */
export interface Shown {
  average: number | null;
  count: number | undefined;
}

/** How much of the row of stars is filled (0 to 1): stars sit edge to edge, so 4.3 fills 4 and 30 % of the fifth. */
export function filled(average: number): number {
  return Math.min(1, Math.max(0, average / MAX_STARS));
}
