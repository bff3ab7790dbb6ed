import type { TimelineWritesTexts } from './writes-texts.js';

const zhHant: TimelineWritesTexts = {
  $lang: 'zh-Hant',
  addNote: '新增備註',
  logCall: '記錄通話',
  pending: {
    waiting: '等待傳送：已儲存在本機，恢復連線後自動傳送。',
    sending: '正在傳送…',
    failed: (reason) => `未儲存：${reason}。`,
    edit: '編輯',
    discard: '捨棄',
  },
  confirmed: '已儲存到時間軸。',
  title: { note: '新增備註', call: '記錄通話' },
  summary: '摘要',
  body: '詳情（選填）',
  direction: '方向',
  directions: { outbound: '我們致電客戶', inbound: '客戶來電' },
  phase: '階段',
  when: '時間',
  counter: (used, max) => `${used} / ${max} 個字元`,
  required: '請填寫摘要。',
  tooLong: (max) => `最多 ${max} 個字元。`,
  save: '儲存',
  cancel: '取消',
  failed: (reason) => `未儲存：${reason}。您填寫的內容仍在，請修改後再次儲存。`,
};

export default zhHant;
