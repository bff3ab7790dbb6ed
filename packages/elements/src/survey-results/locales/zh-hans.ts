import type { SurveyResultsTexts } from './texts.js';

const zhHans: SurveyResultsTexts = {
  $lang: 'zh-Hans',
  title: '问卷结果',
  metricLabel: '指标',
  metrics: { nps: 'NPS（净推荐值）', csat: 'CSAT（客户满意度）', ces: 'CES（客户费力度）' },
  periodLabel: '时间段',
  periods: { '7d': '最近 7 天', '30d': '最近 30 天', '90d': '最近 90 天', '12m': '最近 12 个月', custom: '自定义' },
  fromLabel: '开始日期',
  toLabel: '结束日期（含当天）',
  rangeProblems: {
    missing: '请输入开始日期和结束日期。',
    order: '结束日期不能早于开始日期。',
    tooLong: (max) => `时间段最多 ${max} 天。`,
  },
  periodShown: (range) => `统计时间：${range}`,
  empty: '此时间段内没有回答。',
  newAnswers: (n) => `收到 ${n} 份新回答，结果已更新。`,
  loading: '正在加载问卷结果…',
  notFound: '找不到这些问卷结果。',
  notConfigured: '问卷结果未连接：请设置 base-url 和 key，或将其放在 kith-provider 中。',
  notAuthorized: { title: '请以员工身份登录', body: '问卷结果仅向有权查看反馈的已登录员工显示。请先登录，然后重试。' },
  failed: (reason) => `无法加载问卷结果：${reason}。`,
};

export default zhHans;
