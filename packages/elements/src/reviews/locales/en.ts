import type { ReviewsTexts } from './texts.js';

const plural = (count: number, one: string, other: string) => (count === 1 ? one : other);
const stars = (count: number) => `${count} ${plural(count, 'star', 'stars')}`;
const reviews = (formatted: string, count: number) => `${formatted} ${plural(count, 'review', 'reviews')}`;

const en: ReviewsTexts = {
  $lang: 'en',
  title: 'Customer reviews',
  rated: (value) => `Rated ${value} out of 5`,
  reviewCount: reviews,
  distribution: 'Filter by rating',
  stars,
  bar: (count, n, reviewCount) => `${stars(count)}, ${reviews(n, reviewCount)}`,
  seeAll: 'See all reviews',
  empty: 'No reviews yet.',
  loading: 'Loading reviews…',
  notFound: 'This product could not be found.',
  notConfigured: 'These reviews are not connected: set product, base-url and key, or place them in a kith-provider.',
  stale: {
    offline: 'You are offline: showing saved reviews. They may be out of date.',
    failed: 'Showing saved reviews: the latest could not be loaded.',
  },
  failed: (reason) => `The reviews could not be loaded: ${reason}.`,
};

export default en;
