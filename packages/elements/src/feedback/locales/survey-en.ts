import type { SurveyTexts } from './survey-texts.js';

const en: SurveyTexts = {
  $lang: 'en',
  heading: 'A quick question',
  question: {
    nps: 'How likely are you to recommend us to a friend or colleague?',
    csat: 'How satisfied are you with your experience?',
    ces: 'How easy was it to get what you needed?',
  },
  ends: {
    nps: ['Not at all likely', 'Extremely likely'],
    csat: ['Very dissatisfied', 'Very satisfied'],
    ces: ['Very difficult', 'Very easy'],
  },
  score: (score, end) => (end ? `${score} — ${end}` : String(score)),
  scoreRequired: (min, max) => `Choose a score from ${min} to ${max}.`,
  comment: 'Anything you would like to add?',
  optional: '(optional)',
  counter: (used, max) => `${used} of ${max} characters`,
  tooLong: (max) => `At most ${max} characters: please shorten it.`,
  send: 'Send',
  sending: 'Sending…',
  dismiss: 'Not now',
  dismissed: 'The survey was closed.',
  thanks: 'Thank you for your answer!',
  queued: 'Saved — we’ll send it when you’re back online.',
  capped: 'You have already answered this survey recently. Thank you!',
  refused: (reason) => `Your answer was not accepted: ${reason}.`,
  offline: 'You are offline: your answer will be kept and sent when you are back online.',
  loading: 'Loading the survey…',
  notFound: 'This survey does not exist.',
  notConfigured: 'This survey is not set up yet (it needs a key).',
  stale: {
    offline: 'You are offline: your answer will be kept and sent when you are back online.',
    failed: 'The survey could not be checked just now.',
  },
  failed: (reason) => `The survey could not be loaded: ${reason}.`,
  notAuthorized: { title: 'Not available', body: 'This page may not show this survey.' },
};

export default en;
