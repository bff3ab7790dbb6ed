import type { PipelineTexts } from './texts.js';

const zhHant: PipelineTexts = {
  $lang: 'zh-Hant',
  label: (name) => `銷售管道 ${name}`,
  kinds: { won: '贏單', lost: '輸單' },
  cards: (stage) => `${stage}中的商機`,
  totals: { count: '商機數', amount: '總額', forecast: '預測' },
  closes: (date) => `預計成交 ${date}`,
  noDeals: '尚無商機',
  loadingMore: '正在載入更多商機…',
  moreFailed: (reason) => `部分商機無法載入：${reason}。`,
  empty: '此銷售管道尚無商機。',
  customerEmpty: '此客戶在該銷售管道中尚無商機。',
  loading: '正在載入銷售管道…',
  notFound: '此銷售管道不存在或已被刪除。',
  notConfigured: '此銷售管道未連線：請設定 base-url 和 key，或將其放入 kith-provider。',
  notAuthorized: { title: '需要員工登入', body: '銷售管道僅向有權檢視商機的已登入員工顯示。請先登入，然後重試。' },
  noPipeline: '未選擇銷售管道。',
  failed: (reason) => `無法載入銷售管道：${reason}。`,
};

export default zhHant;
