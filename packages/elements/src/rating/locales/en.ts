import type { RatingTexts } from './texts.js';

const plural = new Intl.PluralRules('en');

const en: RatingTexts = {
  $lang: 'en',
  label: (average, best, reviews) =>
    `Rated ${average} out of ${best}` +
    (reviews ? `, ${reviews.formatted} ${plural.select(reviews.count) === 'one' ? 'review' : 'reviews'}` : ''),
  count: (n) => `(${n})`,
  empty: 'No reviews yet',
  loading: 'Loading rating…',
  unavailable: 'Rating unavailable',
  saved: (label) => `${label} (saved; the latest could not be loaded)`,
};

export default en;
