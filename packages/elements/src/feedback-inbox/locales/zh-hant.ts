import type { FeedbackInboxTexts, ListedKind } from './texts.js';

const NOUNS: Record<ListedKind, string> = { review: '則評價', complaint: '則投訴', survey: '份問卷回覆' };

const zhHant: FeedbackInboxTexts = {
  $lang: 'zh-Hant',
  label: '意見回饋收件匣',
  views: '收件匣檢視',
  tabs: { reviews: '評價', complaints: '投訴', surveys: '問卷意見', results: '結果' },
  statusFilter: '狀態',
  reviewStatuses: { pending: '待審核', published: '已發布', rejected: '已拒絕' },
  allStatuses: '全部狀態',
  complaintStatuses: { open: '待處理', in_progress: '處理中', answered: '已答覆', resolved: '已解決', closed: '已關閉' },
  overdueOnly: '僅顯示已逾時',
  empty: {
    review: '沒有此狀態的評價。',
    complaint: '這裡沒有投訴，每則投訴都已答覆。',
    survey: '尚無問卷回覆。',
  },
  list: { review: '評價', complaint: '投訴（逾時的在前）', survey: '問卷回覆' },
  loadMore: '載入更多',
  moreFailed: (reason) => `無法載入更多：${reason}。`,
  fresh: '新',
  arrived: (kind, n) => `${n} ${NOUNS[kind]}新到`,
  loading: '正在載入收件匣…',
  notFound: '找不到收件匣。',
  notConfigured: '收件匣未連線：請為其提供帶員工權杖的用戶端（.client），或將其放入帶員工權杖的 kith-provider。',
  failed: (reason) => `無法載入收件匣：${reason}。`,
  notAuthorized: {
    title: '僅限員工',
    body: '請以有權查看意見回饋的員工身分登入，才能查看收件匣。',
  },
};

export default zhHant;
