import type { ReceiptTexts } from './receipt-texts.js';

const en: ReceiptTexts = {
  $lang: 'en',
  thanks: 'Thank you for your review!',
  moderated: 'It will appear once the shop has checked it.',
  published: 'It is now shown with the product.',
  verified: 'Verified buyer',
  queued: 'Saved — we’ll send it when you’re back online.',
};

export default en;
