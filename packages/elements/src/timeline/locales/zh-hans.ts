import type { TimelineTexts } from './texts.js';

const zhHans: TimelineTexts = {
  $lang: 'zh-Hans',
  label: '客户时间线',
  types: {
    note: '备注', call: '通话', meeting: '会议', order: '订单', ticket: '工单', complaint: '投诉', review: '评价',
    survey: '问卷', points: '积分', stage_change: '阶段变更', notification: '通知',
  },
  directions: { inbound: '呼入', outbound: '呼出', internal: '内部' },
  phases: { pre_sale: '售前', sale: '售中', after_sale: '售后' },
  line: (type, direction) => `${type}，${direction}`,
  today: '今天',
  yesterday: '昨天',
  shown: (shown, total) => `${shown} / ${total}`,
  empty: '暂无互动记录。',
  loading: '正在加载时间线…',
  notFound: '该客户不存在或已被删除。',
  notConfigured: '此时间线未连接：请设置 base-url 和 key，或将其放入 kith-provider。',
  notAuthorized: { title: '需要员工登录', body: '时间线仅向已登录的员工显示。请先登录，然后重试。' },
  noCustomer: '未选择客户。',
  failed: (reason) => `无法加载时间线：${reason}。`,
};

export default zhHans;
