import type { CommonTexts } from './texts.js';

const zhHans: CommonTexts = {
  $lang: 'zh-Hans',
  retry: '重试',
  stale: {
    offline: '您已离线：显示的是已保存的数据，可能不是最新的。',
    failed: '显示的是已保存的数据：无法加载最新数据。',
  },
  reasons: {
    network: '无法连接服务器',
    timeout: '服务器响应超时',
    unauthorized: '密钥或登录未被接受',
    forbidden: '此页面无权读取',
    not_found: '不存在或已被删除',
    conflict: '已被修改',
    rate_limited: '请求过于频繁，请稍后再试',
    validation: '请求无效',
    server: '服务器出现问题',
    invalid_response: '服务器返回了意外的数据',
  },
};

export default zhHans;
