import type { ReviewsListTexts } from './list-texts.js';

const plural = (count: number, one: string, other: string) => (count === 1 ? one : other);

const en: ReviewsListTexts = {
  $lang: 'en',
  sortLabel: 'Sort by',
  sorts: { newest: 'Newest', highest: 'Highest rating', lowest: 'Lowest rating' },
  allLanguages: 'All languages',
  inLanguage: (language) => `Reviews in ${language}`,
  inAllLanguages: 'Reviews in all languages',
  noneInLanguage: (language) => `No reviews in ${language} yet: showing all languages`,
  verified: 'Verified buyer',
  reply: 'Reply from the shop',
  showMore: 'Show more reviews',
  moreFailed: (reason) => `More reviews could not be loaded: ${reason}.`,
  emptyFiltered: 'No reviews match these filters.',
  newReviews: (n, count) => `${n} new ${plural(count, 'review', 'reviews')}.`,
};

export default en;
