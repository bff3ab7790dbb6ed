import type { SurveyFiguresTexts } from './figures-texts.js';

const zhHans: SurveyFiguresTexts = {
  $lang: 'zh-Hans',
  npsName: '净推荐值',
  npsExplained: '推荐者百分比 − 贬损者百分比，范围为 −100 到 100。',
  groups: { promoters: '推荐者（9–10 分）', passives: '中立者（7–8 分）', detractors: '贬损者（0–6 分）' },
  groupValue: (count, percent) => `${count} · ${percent}`,
  averageName: { csat: '平均满意度', ces: '平均费力度评分' },
  average: (value, max) => `${value} / ${max}`,
  answers: (n) => `${n} 份回答`,
  comments: (n) => `${n} 份附有评论`,
  distribution: '各分数的回答数',
  columns: { score: '分数', answers: '回答数', share: '占比' },
};

export default zhHans;
