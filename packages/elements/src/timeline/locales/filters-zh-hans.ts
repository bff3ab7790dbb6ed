import type { TimelineFiltersTexts } from './filters-texts.js';

const zhHans: TimelineFiltersTexts = {
  $lang: 'zh-Hans',
  filters: { label: '筛选', channel: '渠道', type: '类型', phase: '阶段', search: '搜索时间线', clear: '清除筛选' },
  channels: { phone: '电话', email: '电子邮件', web: '网站', mobile: '应用', sms: '短信', chat: '在线聊天', visit: '到访', fax: '传真', social: '社交媒体' },
  emptyFiltered: '没有符合这些筛选条件的记录。',
};

export default zhHans;
