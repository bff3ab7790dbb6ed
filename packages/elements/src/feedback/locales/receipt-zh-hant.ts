import type { ReceiptTexts } from './receipt-texts.js';

const zhHant: ReceiptTexts = {
  $lang: 'zh-Hant',
  thanks: '感謝您的評價！',
  moderated: '商家審核後即會顯示。',
  published: '評價已顯示在商品頁面。',
  verified: '已驗證買家',
  queued: '已儲存——恢復連線後我們會自動傳送。',
};

export default zhHant;
