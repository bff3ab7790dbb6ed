import type { LoyaltyRedeemTexts } from './redeem-texts.js';

const en: LoyaltyRedeemTexts = {
  $lang: 'en',
  title: 'Redeem points',
  points: 'Points',
  available: (n, count) => (count === 1 ? `You have ${n} point.` : `You have ${n} points.`),
  note: 'Note (optional)',
  submit: 'Redeem',
  sending: 'Redeeming…',
  sent: (n, count) => (count === 1 ? `Redeemed ${n} point.` : `Redeemed ${n} points.`),
  queued: 'Saved: your redemption will be sent when the connection is back.',
  failed: (message) => `Not redeemed: ${message}`,
  invalid: 'Enter a whole number of points, at least 1.',
  tooMany: (n, count) => (count === 1 ? `You have ${n} point: redeem at most that.` : `You have ${n} points: redeem at most that many.`),
};

export default en;
