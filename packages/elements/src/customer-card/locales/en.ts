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
  retry: 'Retry',
  stale: {
    offline: 'You are offline: showing saved data. It may be out of date.',
    failed: 'Showing saved data: the latest could not be loaded.',
  },
  errors: {
    network: 'The customer could not be loaded: the server cannot be reached.',
    timeout: 'The customer could not be loaded: the server took too long to answer.',
    unauthorized: 'The customer could not be loaded: the key or sign-in was not accepted.',
    forbidden: 'The customer could not be loaded: this page may not read it.',
    not_found: 'This customer does not exist or was removed.',
    conflict: 'The customer changed in the meantime.',
    rate_limited: 'Too many requests: try again in a moment.',
    validation: 'The customer could not be loaded: the request was not valid.',
    server: 'The customer could not be loaded: the server had a problem.',
    invalid_response: 'The customer could not be loaded: the server sent an unexpected answer.',
  },
};

export default en;
