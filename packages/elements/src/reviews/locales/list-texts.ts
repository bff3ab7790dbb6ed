import type { ReviewSort } from '@kith/schema';
import type { Texts } from '../../locales/translation.js';

/** The texts of the list of reviews (its own chunk, see `reviews-list.ts`): controls, reviews, paging. */
export interface ReviewsListTexts extends Texts {
  sortLabel: string;
  sorts: Record<ReviewSort, string>;
  /** The toggle between the reader's language and every language. */
  allLanguages: string;
  /** What the list shows, by language: one language ("Reviews in English") or all. */
  inLanguage: (language: string) => string;
  inAllLanguages: string;
  /** Said when no review is in the reader's language, so every language is shown. */
  noneInLanguage: (language: string) => string;
  verified: string;
  /** The heading of the shop's public answer under a review. */
  reply: string;
  showMore: string;
  /** After "Show more" failed (a shared reason follows). */
  moreFailed: (reason: string) => string;
  /** No review matches the chosen stars (or language). */
  emptyFiltered: string;
  /** Announced politely when reviews arrive while the list is shown (a live update). */
  newReviews: (formatted: string, count: number) => string;
}
