import type { LoyaltyDetailsTexts } from './details-texts.js';

const zhHant: LoyaltyDetailsTexts = {
  $lang: 'zh-Hant',
  toNext: (n, _count, tier) => `再獲得 ${n} 積分升至 ${tier}`,
  progressLabel: (tier) => `升至 ${tier} 的進度`,
  topTier: '您已達到最高等級。',
  expires: (tier, date) => `${tier} 有效期至 ${date}`,
  benefits: (tier) => `${tier} 的權益`,
  history: '最近積分紀錄',
};

export default zhHant;
