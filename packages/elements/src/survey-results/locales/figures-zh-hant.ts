import type { SurveyFiguresTexts } from './figures-texts.js';

const zhHant: SurveyFiguresTexts = {
  $lang: 'zh-Hant',
  npsName: '淨推薦值',
  npsExplained: '推薦者百分比 − 批評者百分比，範圍為 −100 到 100。',
  groups: { promoters: '推薦者（9–10 分）', passives: '中立者（7–8 分）', detractors: '批評者（0–6 分）' },
  groupValue: (count, percent) => `${count} · ${percent}`,
  averageName: { csat: '平均滿意度', ces: '平均費力度評分' },
  average: (value, max) => `${value} / ${max}`,
  answers: (n) => `${n} 份回答`,
  comments: (n) => `${n} 份附有評論`,
  distribution: '各分數的回答數',
  columns: { score: '分數', answers: '回答數', share: '占比' },
};

export default zhHant;
