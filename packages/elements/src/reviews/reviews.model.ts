// What the element derives from the reader's choices, apart from rendering (pure functions); what
// only the list needs is in `reviews-list.model.ts`, with the list's chunk.
import type { ReviewListQuery, ReviewSort } from '@kith/schema';

/** Reviews per page: a product page shows a few, "Show more" reads the next ones. */
export const PAGE_SIZE = 10;
/** The star bars, best first (as shops and search results show them). */
export const STARS = [5, 4, 3, 2, 1] as const;

/** What the reader chose: the order, the stars to show (none: all), the language (undefined: all). */
export interface ListChoice {
  sort: ReviewSort;
  stars: readonly number[];
  language: string | undefined;
}

/**
 * The language to read reviews in first, from the reader's locale: the language alone (`en-GB` →
 * `en`, which the server also matches to `en-US` reviews), with the script for Chinese (`zh-TW` →
 * `zh-Hant`): a reader of one script is shown that script's reviews first.
 */
export function readingLanguage(locale: string): string {
  try {
    const tag = new Intl.Locale(locale).maximize();
    return tag.language === 'zh' && tag.script ? `zh-${tag.script}` : tag.language;
  } catch {
    return 'en';
  }
}

/** The first page's query for a choice (the stars sorted, so the same choice is the same cached read). */
export function listQuery(choice: ListChoice): ReviewListQuery {
  const query: ReviewListQuery = { sort: choice.sort, limit: PAGE_SIZE };
  if (choice.stars.length) query.rating = [...choice.stars].sort();
  if (choice.language) query.language = choice.language;
  return query;
}

/** A key that is the same for the same choice (a controller compares its arguments with `===`). */
export const choiceKey = (choice: ListChoice): string => JSON.stringify(listQuery(choice));

/** A bar's length: its share of the reviews (0 to 1). */
export const share = (count: number, total: number): number => (total > 0 ? Math.min(1, Math.max(0, count / total)) : 0);

/** An average with one decimal in the reader's locale ("4.3", "4,3"): one a render, not worth a cache. */
export const formatAverage = (value: number, locale: string): string =>
  new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
