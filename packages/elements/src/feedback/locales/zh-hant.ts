import type { FeedbackTexts } from './texts.js';

const zhHant: FeedbackTexts = {
  $lang: 'zh-Hant',
  heading: '撰寫評價',
  rating: '評分',
  stars: (count) => `${count} 星`,
  title: '標題',
  body: '您的評價',
  name: '評價中顯示的名字',
  email: '電子郵件',
  emailHint: '僅商家可見，用於回覆您。',
  optional: '（選填）',
  honeypot: '請勿填寫此欄',
  counter: (used, max) => `${used} / ${max} 個字元`,
  required: '請填寫此項。',
  ratingRequired: '請選擇 1 至 5 星。',
  tooLong: (max) => `最多 ${max} 個字元，請刪減。`,
  emailInvalid: '這似乎不是有效的電子郵件地址。',
  correct: (count) => `請修改 ${count} 個欄位。`,
  submit: '提交評價',
  sending: '正在傳送…',
  draftRestored: '已恢復您未傳送的評價。',
  refused: (reason) => `您的評價未被接受：${reason}。您寫的內容已保留，請修改後重新傳送。`,
  notConfigured: '此評價表單尚未設定（需要商品和金鑰）。',
  unreachable: '無法連線伺服器，您的評價已保存在此',
};

export default zhHant;
