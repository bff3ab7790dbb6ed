import type { TimelineFiltersTexts } from './filters-texts.js';

const zhHant: TimelineFiltersTexts = {
  $lang: 'zh-Hant',
  filters: { label: '篩選', channel: '管道', type: '類型', phase: '階段', search: '搜尋時間軸', clear: '清除篩選' },
  channels: { phone: '電話', email: '電子郵件', web: '網站', mobile: '應用程式', sms: '簡訊', chat: '線上聊天', visit: '到訪', fax: '傳真', social: '社群媒體' },
  emptyFiltered: '沒有符合這些篩選條件的紀錄。',
};

export default zhHant;
