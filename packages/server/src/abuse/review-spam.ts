import type { NewReview } from '@kith/schema';

/**
 * Why a submitted review looks like a bot's, or null. Such a review is still stored
 * (nothing a person wrote is lost to a false positive) but `rejected` with this reason, so
 * it is never public, never counts as awaiting moderation, and staff can still publish it.
 * - the honeypot (`website`), hidden from people, holds anything at all;
 * - the widget measured a fill time under `minFillMs`. A review without `fillMs` (a
 *   client other than the widget) is not judged on time.
 */
/** Every automatic rejection's reason starts with this, so it can be told from a moderator's. */
export const SPAM_REASON_PREFIX = 'Automatic: likely spam';

export function spamReason(review: NewReview, minFillMs: number): string | null {
  if (review.website !== undefined && review.website !== '') return `${SPAM_REASON_PREFIX} (honeypot field filled)`;
  if (review.fillMs !== undefined && review.fillMs < minFillMs) {
    return `${SPAM_REASON_PREFIX} (form sent ${review.fillMs} ms after it appeared; minimum ${minFillMs} ms)`;
  }
  return null;
}
