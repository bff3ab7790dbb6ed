import type { CustomerCardTexts } from './texts.js';

const zhHans: CustomerCardTexts = {
  $lang: 'zh-Hans',
  label: (name) => `客户：${name}`,
  company: '公司',
  tier: '等级',
  lifetimeValue: '累计消费',
  noCompany: '无',
  noTier: '无等级',
  loading: '正在加载客户…',
  notFound: '该客户不存在或已被删除。',
  notConfigured: '此卡片未连接：请设置 base-url 和 key，或将其放入 kith-provider。',
  notAuthorized: {
    title: '需要员工登录',
    body: '客户资料仅向已登录的员工显示。请先登录，然后重试。',
  },
  noCustomer: '未选择客户。',
  retry: '重试',
  stale: {
    offline: '您已离线：显示的是已保存的数据，可能不是最新的。',
    failed: '显示的是已保存的数据：无法加载最新数据。',
  },
  errors: {
    network: '无法加载客户：无法连接服务器。',
    timeout: '无法加载客户：服务器响应超时。',
    unauthorized: '无法加载客户：密钥或登录未被接受。',
    forbidden: '无法加载客户：此页面无权读取。',
    not_found: '该客户不存在或已被删除。',
    conflict: '客户信息已被修改。',
    rate_limited: '请求过于频繁，请稍后再试。',
    validation: '无法加载客户：请求无效。',
    server: '无法加载客户：服务器出现问题。',
    invalid_response: '无法加载客户：服务器返回了意外的数据。',
  },
};

export default zhHans;
