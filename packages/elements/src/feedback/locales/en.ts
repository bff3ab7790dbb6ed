import type { FeedbackTexts } from './texts.js';

const en: FeedbackTexts = {
  $lang: 'en',
  heading: 'Write a review',
  rating: 'Rating',
  stars: (count) => (count === 1 ? '1 star' : `${count} stars`),
  title: 'Title',
  body: 'Your review',
  name: 'Name shown with your review',
  email: 'E-mail',
  emailHint: 'Only the shop sees it, to answer you.',
  optional: '(optional)',
  honeypot: 'Leave this field empty',
  counter: (used, max) => `${used} of ${max} characters`,
  required: 'Please fill this in.',
  ratingRequired: 'Choose from 1 to 5 stars.',
  tooLong: (max) => `At most ${max} characters: please shorten it.`,
  emailInvalid: 'This does not look like an e-mail address.',
  correct: (count) => (count === 1 ? 'Please correct 1 field.' : `Please correct ${count} fields.`),
  submit: 'Submit review',
  sending: 'Sending…',
  draftRestored: 'Your unsent review was restored.',
  refused: (reason) => `Your review was not accepted: ${reason}. What you wrote is kept: correct it and send it again.`,
  notConfigured: 'This review form is not set up yet (it needs a product and a key).',
  unreachable: 'the server cannot be reached; your review is kept here',
};

export default en;
