import type { CustomerCardTexts } from './texts.js';

const en: CustomerCardTexts = {
  $lang: 'en',
  label: (name) => `Customer: ${name}`,
  kind: { person: 'Person', organisation: 'Organisation' },
  roleAt: (role, company) => `${role} at ${company}`,
  tier: 'Tier',
  lifetimeValue: 'Lifetime value',
  segment: 'Segment',
  segments: {
    champion: 'Champion',
    loyal: 'Loyal',
    potential: 'Potential loyalist',
    new: 'New customer',
    promising: 'Promising',
    needs_attention: 'Needs attention',
    at_risk: 'At risk',
    cannot_lose: 'Cannot lose',
    hibernating: 'Hibernating',
    lost: 'Lost',
  },
  keyAccount: 'Key account',
  keyAccountHint: 'Among the top 20 % of customers by lifetime value',
  churn: {
    medium: 'May be drifting away',
    high: 'Likely to churn',
    reason: (days, daysCount, usual, usualCount) =>
      `No order for ${days} ${daysCount === 1 ? 'day' : 'days'}; usually every ${usual} ${usualCount === 1 ? 'day' : 'days'}.`,
    reasonNoCadence: (days, daysCount) => `No order for ${days} ${daysCount === 1 ? 'day' : 'days'}.`,
    score: (percent) => `Estimated risk ${percent}`,
  },
  loading: 'Loading customer…',
  notFound: 'This customer does not exist or was removed.',
  notConfigured: 'This card is not connected: set base-url and key, or place it in a kith-provider.',
  notAuthorized: {
    title: 'Staff sign-in needed',
    body: 'Customer details are shown only to signed-in staff. Sign in, then try again.',
  },
  noCustomer: 'No customer selected.',
  updated: 'The customer was updated.',
  failed: (reason) => `The customer could not be loaded: ${reason}.`,
};

export default en;
