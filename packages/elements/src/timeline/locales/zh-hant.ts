import type { TimelineTexts } from './texts.js';

const zhHant: TimelineTexts = {
  $lang: 'zh-Hant',
  label: '客戶時間軸',
  types: {
    note: '備註', call: '通話', meeting: '會議', order: '訂單', ticket: '工單', complaint: '投訴', review: '評價',
    survey: '問卷', points: '點數', stage_change: '階段變更', notification: '通知',
  },
  directions: { inbound: '來電', outbound: '去電', internal: '內部' },
  phases: { pre_sale: '售前', sale: '售中', after_sale: '售後' },
  line: (type, direction) => `${type}，${direction}`,
  today: '今天',
  yesterday: '昨天',
  shown: (shown, total) => `${shown} / ${total}`,
  empty: '尚無互動紀錄。',
  loading: '正在載入時間軸…',
  notFound: '此客戶不存在或已被刪除。',
  notConfigured: '此時間軸未連線：請設定 base-url 和 key，或將其放入 kith-provider。',
  notAuthorized: { title: '需要員工登入', body: '時間軸僅向已登入的員工顯示。請先登入，然後重試。' },
  noCustomer: '未選擇客戶。',
  failed: (reason) => `無法載入時間軸：${reason}。`,
};

export default zhHant;
