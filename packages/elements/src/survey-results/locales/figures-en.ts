import type { SurveyFiguresTexts } from './figures-texts.js';

const plural = (count: number, one: string, other: string) => (count === 1 ? one : other);

const en: SurveyFiguresTexts = {
  $lang: 'en',
  npsName: 'Net Promoter Score',
  npsExplained: '% promoters − % detractors, from −100 to 100.',
  groups: { promoters: 'Promoters (9–10)', passives: 'Passives (7–8)', detractors: 'Detractors (0–6)' },
  groupValue: (count, percent) => `${count} · ${percent}`,
  averageName: { csat: 'Average satisfaction', ces: 'Average effort score' },
  average: (value, max) => `${value} of ${max}`,
  answers: (n, count) => `${n} ${plural(count, 'answer', 'answers')}`,
  comments: (n) => `${n} with a comment`,
  distribution: 'Answers per score',
  columns: { score: 'Score', answers: 'Answers', share: 'Share' },
};

export default en;
