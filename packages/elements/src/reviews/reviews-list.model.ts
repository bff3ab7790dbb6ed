// What the list's chunk derives apart from rendering (pure functions): only the list uses these,
// so they load with it and not with the element.
import type { PublicReview, ReviewSort } from '@kith/schema';

/** The orders the sort menu offers. */
export const SORTS: readonly ReviewSort[] = ['newest', 'highest', 'lowest'];

/** The pages' reviews in order, each once (a review published meanwhile moves the pages' edges). */
export function mergeReviews(...pages: readonly (readonly PublicReview[])[]): PublicReview[] {
  const seen = new Set<string>();
  return pages.flat().filter((review) => !seen.has(review.id) && (seen.add(review.id), true));
}
