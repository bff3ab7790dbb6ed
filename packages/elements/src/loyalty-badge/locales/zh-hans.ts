import type { LoyaltyBadgeTexts } from './texts.js';

const zhHans: LoyaltyBadgeTexts = {
  $lang: 'zh-Hans',
  label: (tier) => `会员积分：${tier}`,
  title: '会员积分',
  noTier: '暂无等级',
  points: (n) => `${n} 积分`,
  historyLoading: '正在加载最近积分记录…',
  historyEmpty: '暂无积分记录。',
  reasons: {
    purchase: '购物',
    review: '评价',
    referral: '推荐',
    redeem: '兑换',
    adjust: '调整',
    expire: '过期',
  },
  balanceUpdated: (n) => `积分余额已更新：${n} 积分。`,
  loading: '正在加载会员积分…',
  notFound: '未找到该客户的会员账户。',
  notConfigured: '此徽章未连接：请设置 base-url 和 key，或将其放入 kith-provider。',
  signIn: '登录后即可查看您的积分和奖励。',
  stale: {
    offline: '您已离线：显示的是已保存的积分，可能不是最新的。',
    failed: '显示的是已保存的积分：无法加载最新数据。',
  },
  failed: (reason) => `无法加载积分：${reason}。`,
};

export default zhHans;
