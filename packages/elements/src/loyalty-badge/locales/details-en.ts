import type { LoyaltyDetailsTexts } from './details-texts.js';

const en: LoyaltyDetailsTexts = {
  $lang: 'en',
  toNext: (n, count, tier) => (count === 1 ? `${n} point to ${tier}` : `${n} points to ${tier}`),
  progressLabel: (tier) => `Progress to ${tier}`,
  topTier: 'You have reached the top tier.',
  expires: (tier, date) => `${tier} until ${date}`,
  benefits: (tier) => `Benefits of ${tier}`,
  history: 'Recent points',
};

export default en;
