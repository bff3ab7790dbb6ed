import type { ReviewsTexts } from './texts.js';

const plural = (count: number, one: string, other: string) => (count === 1 ? one : other);

const en: ReviewsTexts = {
  $lang: 'en',
  title: 'Customer reviews',
  rated: (value) => `Rated ${value} out of 5`,
  reviewCount: (n, count) => `${n} ${plural(count, 'review', 'reviews')}`,
  distribution: 'Filter by rating',
  stars: (stars) => `${stars} ${plural(stars, 'star', 'stars')}`,
  bar: (stars, n, count) => `${stars} ${plural(stars, 'star', 'stars')}, ${n} ${plural(count, 'review', 'reviews')}`,
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
