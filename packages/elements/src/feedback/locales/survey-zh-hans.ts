import type { SurveyTexts } from './survey-texts.js';

const zhHans: SurveyTexts = {
  $lang: 'zh-Hans',
  heading: '一个小问题',
  question: {
    nps: '您有多大可能向朋友或同事推荐我们？',
    csat: '您对这次体验的满意程度如何？',
    ces: '获得您所需的帮助有多容易？',
  },
  ends: {
    nps: ['完全不可能', '非常可能'],
    csat: ['非常不满意', '非常满意'],
    ces: ['非常困难', '非常容易'],
  },
  score: (score, end) => (end ? `${score} — ${end}` : String(score)),
  scoreRequired: (min, max) => `请选择 ${min} 至 ${max} 分。`,
  comment: '还有什么想告诉我们的吗？',
  optional: '（选填）',
  counter: (used, max) => `${used} / ${max} 个字符`,
  tooLong: (max) => `最多 ${max} 个字符，请删减。`,
  send: '发送',
  sending: '正在发送…',
  dismiss: '以后再说',
  dismissed: '问卷已关闭。',
  thanks: '感谢您的回答！',
  queued: '已保存——恢复联网后我们会自动发送。',
  capped: '您最近已回答过此问卷。谢谢！',
  refused: (reason) => `您的回答未被接受：${reason}。`,
  offline: '您当前处于离线状态：您的回答会被保存，恢复联网后自动发送。',
  loading: '正在加载问卷…',
  notFound: '此问卷不存在。',
  notConfigured: '此问卷尚未设置（需要密钥）。',
  stale: {
    offline: '您当前处于离线状态：您的回答会被保存，恢复联网后自动发送。',
    failed: '暂时无法确认此问卷。',
  },
  failed: (reason) => `无法加载问卷：${reason}。`,
  notAuthorized: { title: '不可用', body: '此页面无权显示此问卷。' },
};

export default zhHans;
