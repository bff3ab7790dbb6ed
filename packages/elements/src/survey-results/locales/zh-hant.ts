import type { SurveyResultsTexts } from './texts.js';

const zhHant: SurveyResultsTexts = {
  $lang: 'zh-Hant',
  title: '問卷結果',
  metricLabel: '指標',
  metrics: { nps: 'NPS（淨推薦值）', csat: 'CSAT（顧客滿意度）', ces: 'CES（顧客費力度）' },
  periodLabel: '期間',
  periods: { '7d': '最近 7 天', '30d': '最近 30 天', '90d': '最近 90 天', '12m': '最近 12 個月', custom: '自訂' },
  fromLabel: '開始日期',
  toLabel: '結束日期（含當天）',
  rangeProblems: {
    missing: '請輸入開始日期和結束日期。',
    order: '結束日期不能早於開始日期。',
    tooLong: (max) => `期間最多 ${max} 天。`,
  },
  periodShown: (range) => `統計期間：${range}`,
  empty: '此期間內沒有回答。',
  newAnswers: (n) => `收到 ${n} 份新回答，結果已更新。`,
  loading: '正在載入問卷結果…',
  notFound: '找不到這些問卷結果。',
  notConfigured: '問卷結果未連線：請設定 base-url 和 key，或將其放在 kith-provider 中。',
  notAuthorized: { title: '請以員工身分登入', body: '問卷結果僅向有權檢視意見回饋的已登入員工顯示。請先登入，然後重試。' },
  failed: (reason) => `無法載入問卷結果：${reason}。`,
};

export default zhHant;
