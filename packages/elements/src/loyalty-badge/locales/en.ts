import type { LoyaltyBadgeTexts } from './texts.js';

const en: LoyaltyBadgeTexts = {
  $lang: 'en',
  label: (tier) => `Loyalty: ${tier}`,
  title: 'Loyalty points',
  noTier: 'No tier yet',
  points: (n, count) => (count === 1 ? `${n} point` : `${n} points`),
  historyLoading: 'Loading recent points…',
  historyEmpty: 'No points activity yet.',
  reasons: {
    purchase: 'Purchase',
    review: 'Review',
    referral: 'Referral',
    redeem: 'Redeemed',
    adjust: 'Adjustment',
    expire: 'Expired',
  },
  balanceUpdated: (n, count) => (count === 1 ? `Balance updated: ${n} point.` : `Balance updated: ${n} points.`),
  loading: 'Loading loyalty points…',
  notFound: 'No loyalty account was found for this customer.',
  notConfigured: 'This badge is not connected: set base-url and key, or place it in a kith-provider.',
  signIn: 'Sign in to see your points and rewards.',
  stale: {
    offline: 'You are offline: showing saved points. They may be out of date.',
    failed: 'Showing saved points: the latest could not be loaded.',
  },
  failed: (reason) => `Your points could not be loaded: ${reason}.`,
};

export default en;
