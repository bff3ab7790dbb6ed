import type { TimelineFiltersTexts } from './filters-texts.js';

const en: TimelineFiltersTexts = {
  $lang: 'en',
  filters: { label: 'Filters', channel: 'Channel', type: 'Type', phase: 'Phase', search: 'Search the timeline', clear: 'Clear filters' },
  channels: {
    phone: 'Phone', email: 'E-mail', web: 'Web', mobile: 'App', sms: 'SMS', chat: 'Chat', visit: 'Visit', fax: 'Fax', social: 'Social media',
  },
  emptyFiltered: 'Nothing matches these filters.',
};

export default en;
