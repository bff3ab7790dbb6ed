import type { TimelineWritesTexts } from './writes-texts.js';

const zhHans: TimelineWritesTexts = {
  $lang: 'zh-Hans',
  addNote: '添加备注',
  logCall: '记录通话',
  pending: {
    waiting: '等待发送：已保存在本地，恢复联网后自动发送。',
    sending: '正在发送…',
    failed: (reason) => `未保存：${reason}。`,
    edit: '编辑',
    discard: '放弃',
  },
  confirmed: '已保存到时间线。',
  title: { note: '添加备注', call: '记录通话' },
  summary: '摘要',
  body: '详情（可选）',
  direction: '方向',
  directions: { outbound: '我们致电客户', inbound: '客户来电' },
  phase: '阶段',
  when: '时间',
  counter: (used, max) => `${used} / ${max} 个字符`,
  required: '请填写摘要。',
  tooLong: (max) => `最多 ${max} 个字符。`,
  save: '保存',
  cancel: '取消',
  failed: (reason) => `未保存：${reason}。您填写的内容仍在，请修改后再次保存。`,
};

export default zhHans;
