import type { LoyaltyDetailsTexts } from './details-texts.js';

const zhHans: LoyaltyDetailsTexts = {
  $lang: 'zh-Hans',
  toNext: (n, _count, tier) => `再获得 ${n} 积分升至 ${tier}`,
  progressLabel: (tier) => `升至 ${tier} 的进度`,
  topTier: '您已达到最高等级。',
  expires: (tier, date) => `${tier} 有效期至 ${date}`,
  benefits: (tier) => `${tier} 的权益`,
  history: '最近积分记录',
};

export default zhHans;
