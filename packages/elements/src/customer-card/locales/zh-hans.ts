import type { CustomerCardTexts } from './texts.js';

const zhHans: CustomerCardTexts = {
  $lang: 'zh-Hans',
  label: (name) => `客户：${name}`,
  kind: { person: '个人', organisation: '机构' },
  roleAt: (role, company) => `${company} ${role}`,
  tier: '等级',
  lifetimeValue: '累计消费',
  segment: '客户分群',
  segments: {
    champion: '冠军客户',
    loyal: '忠诚客户',
    potential: '潜在忠诚客户',
    new: '新客户',
    promising: '潜力客户',
    needs_attention: '需要关注',
    at_risk: '有流失风险',
    cannot_lose: '不容流失',
    hibernating: '沉睡客户',
    lost: '已流失',
  },
  keyAccount: '重点客户',
  keyAccountHint: '累计消费排名前 20% 的客户',
  churn: {
    medium: '有流失迹象',
    high: '很可能流失',
    reason: (days, _daysCount, usual) => `已 ${days} 天未下单；通常每 ${usual} 天下单一次。`,
    reasonNoCadence: (days) => `已 ${days} 天未下单。`,
    score: (percent) => `预估风险：${percent}`,
  },
  loading: '正在加载客户…',
  notFound: '该客户不存在或已被删除。',
  notConfigured: '此卡片未连接：请设置 base-url 和 key，或将其放入 kith-provider。',
  notAuthorized: {
    title: '需要员工登录',
    body: '客户资料仅向已登录的员工显示。请先登录，然后重试。',
  },
  noCustomer: '未选择客户。',
  updated: '客户信息已更新。',
  failed: (reason) => `无法加载客户：${reason}。`,
};

export default zhHans;
