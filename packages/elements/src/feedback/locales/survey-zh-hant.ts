import type { SurveyTexts } from './survey-texts.js';

const zhHant: SurveyTexts = {
  $lang: 'zh-Hant',
  heading: '一個小問題',
  question: {
    nps: '您有多大可能向朋友或同事推薦我們？',
    csat: '您對這次體驗的滿意程度如何？',
    ces: '取得您所需的協助有多容易？',
  },
  ends: {
    nps: ['完全不可能', '非常可能'],
    csat: ['非常不滿意', '非常滿意'],
    ces: ['非常困難', '非常容易'],
  },
  score: (score, end) => (end ? `${score} — ${end}` : String(score)),
  scoreRequired: (min, max) => `請選擇 ${min} 至 ${max} 分。`,
  comment: '還有什麼想告訴我們的嗎？',
  optional: '（選填）',
  counter: (used, max) => `${used} / ${max} 個字元`,
  tooLong: (max) => `最多 ${max} 個字元，請刪減。`,
  send: '傳送',
  sending: '正在傳送…',
  dismiss: '以後再說',
  dismissed: '問卷已關閉。',
  thanks: '感謝您的回答！',
  queued: '已儲存——恢復連線後我們會自動傳送。',
  capped: '您最近已回答過此問卷。謝謝！',
  refused: (reason) => `您的回答未被接受：${reason}。`,
  offline: '您目前處於離線狀態：您的回答會被保存，恢復連線後自動傳送。',
  loading: '正在載入問卷…',
  notFound: '此問卷不存在。',
  notConfigured: '此問卷尚未設定（需要金鑰）。',
  stale: {
    offline: '您目前處於離線狀態：您的回答會被保存，恢復連線後自動傳送。',
    failed: '暫時無法確認此問卷。',
  },
  failed: (reason) => `無法載入問卷：${reason}。`,
  notAuthorized: { title: '無法使用', body: '此頁面無權顯示此問卷。' },
};

export default zhHant;
