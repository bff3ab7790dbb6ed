import type { PipelineTexts } from './texts.js';

const zhHans: PipelineTexts = {
  $lang: 'zh-Hans',
  label: (name) => `销售管道 ${name}`,
  kinds: { won: '赢单', lost: '输单' },
  cards: (stage) => `${stage}中的商机`,
  totals: { count: '商机数', amount: '总额', forecast: '预测' },
  closes: (date) => `预计成交 ${date}`,
  noDeals: '暂无商机',
  loadingMore: '正在加载更多商机…',
  moreFailed: (reason) => `部分商机无法加载：${reason}。`,
  empty: '此销售管道暂无商机。',
  customerEmpty: '此客户在该销售管道中暂无商机。',
  loading: '正在加载销售管道…',
  notFound: '该销售管道不存在或已被删除。',
  notConfigured: '此销售管道未连接：请设置 base-url 和 key，或将其放入 kith-provider。',
  notAuthorized: { title: '需要员工登录', body: '销售管道仅向有权查看商机的已登录员工显示。请先登录，然后重试。' },
  noPipeline: '未选择销售管道。',
  failed: (reason) => `无法加载销售管道：${reason}。`,
};

export default zhHans;
