import type { LoyaltyRedeemTexts } from './redeem-texts.js';

const zhHant: LoyaltyRedeemTexts = {
  $lang: 'zh-Hant',
  title: '兌換積分',
  points: '積分',
  available: (n) => `您有 ${n} 積分。`,
  note: '備註（選填）',
  submit: '兌換',
  sending: '正在兌換…',
  sent: (n) => `已兌換 ${n} 積分。`,
  queued: '已儲存：連線恢復後將送出您的兌換。',
  failed: (message) => `兌換未成功：${message}`,
  invalid: '請輸入至少為 1 的整數積分。',
  tooMany: (n) => `您有 ${n} 積分：兌換數量不能超過此數。`,
};

export default zhHant;
