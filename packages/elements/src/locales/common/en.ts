import type { CommonTexts } from './texts.js';

const en: CommonTexts = {
  $lang: 'en',
  retry: 'Retry',
  stale: {
    offline: 'You are offline: showing saved data. It may be out of date.',
    failed: 'Showing saved data: the latest could not be loaded.',
  },
  reasons: {
    network: 'the server cannot be reached',
    timeout: 'the server took too long to answer',
    unauthorized: 'the key or sign-in was not accepted',
    forbidden: 'this page may not read it',
    not_found: 'it does not exist or was removed',
    conflict: 'it changed in the meantime',
    rate_limited: 'too many requests; try again in a moment',
    validation: 'the request was not valid',
    server: 'the server had a problem',
    invalid_response: 'the server sent an unexpected answer',
  },
};

export default en;
