import type { ReceiptTexts } from './receipt-texts.js';

const zhHans: ReceiptTexts = {
  $lang: 'zh-Hans',
  thanks: '感谢您的评价！',
  moderated: '商家审核后即会显示。',
  published: '评价已显示在商品页面。',
  verified: '已验证买家',
  queued: '已保存——恢复联网后我们会自动发送。',
};

export default zhHans;
