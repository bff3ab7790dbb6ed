import type { FeedbackTexts } from './texts.js';

const zhHans: FeedbackTexts = {
  $lang: 'zh-Hans',
  heading: '撰写评价',
  rating: '评分',
  stars: (count) => `${count} 星`,
  title: '标题',
  body: '您的评价',
  name: '评价中显示的名字',
  email: '电子邮箱',
  emailHint: '仅商家可见，用于回复您。',
  optional: '（选填）',
  honeypot: '请勿填写此栏',
  counter: (used, max) => `${used} / ${max} 个字符`,
  required: '请填写此项。',
  ratingRequired: '请选择 1 至 5 星。',
  tooLong: (max) => `最多 ${max} 个字符，请删减。`,
  emailInvalid: '这似乎不是有效的电子邮箱地址。',
  correct: (count) => `请修改 ${count} 个栏位。`,
  submit: '提交评价',
  sending: '正在发送…',
  draftRestored: '已恢复您未发送的评价。',
  refused: (reason) => `您的评价未被接受：${reason}。您写的内容已保留，请修改后重新发送。`,
  notConfigured: '此评价表单尚未设置（需要商品和密钥）。',
  unreachable: '无法连接服务器，您的评价已保存在此',
};

export default zhHans;
