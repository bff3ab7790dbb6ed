import type { LoyaltyRedeemTexts } from './redeem-texts.js';

const zhHans: LoyaltyRedeemTexts = {
  $lang: 'zh-Hans',
  title: '兑换积分',
  points: '积分',
  available: (n) => `您有 ${n} 积分。`,
  note: '备注（可选）',
  submit: '兑换',
  sending: '正在兑换…',
  sent: (n) => `已兑换 ${n} 积分。`,
  queued: '已保存：连接恢复后将提交您的兑换。',
  failed: (message) => `兑换未成功：${message}`,
  invalid: '请输入至少为 1 的整数积分。',
  tooMany: (n) => `您有 ${n} 积分：兑换数量不能超过此数。`,
};

export default zhHans;
