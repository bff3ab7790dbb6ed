import type { FeedbackInboxTexts, ListedKind } from './texts.js';

const NOUNS: Record<ListedKind, string> = { review: '条评价', complaint: '条投诉', survey: '份问卷回答' };

const zhHans: FeedbackInboxTexts = {
  $lang: 'zh-Hans',
  label: '反馈收件箱',
  views: '收件箱视图',
  tabs: { reviews: '评价', complaints: '投诉', surveys: '问卷意见', results: '结果' },
  statusFilter: '状态',
  reviewStatuses: { pending: '待审核', published: '已发布', rejected: '已拒绝' },
  allStatuses: '全部状态',
  complaintStatuses: { open: '待处理', in_progress: '处理中', answered: '已答复', resolved: '已解决', closed: '已关闭' },
  overdueOnly: '仅显示已超时',
  empty: {
    review: '没有此状态的评价。',
    complaint: '这里没有投诉，每条投诉都已答复。',
    survey: '暂无问卷回答。',
  },
  list: { review: '评价', complaint: '投诉（超时的在前）', survey: '问卷回答' },
  loadMore: '加载更多',
  moreFailed: (reason) => `无法加载更多：${reason}。`,
  fresh: '新',
  arrived: (kind, n) => `${n} ${NOUNS[kind]}新到`,
  loading: '正在加载收件箱…',
  notFound: '未找到收件箱。',
  notConfigured: '收件箱未连接：请为其提供带员工令牌的客户端（.client），或将其放入带员工令牌的 kith-provider。',
  failed: (reason) => `无法加载收件箱：${reason}。`,
  notAuthorized: {
    title: '仅限员工',
    body: '请以有权查看反馈的员工身份登录，才能查看收件箱。',
  },
};

export default zhHans;
