import type { TimelineTexts } from './texts.js';

const en: TimelineTexts = {
  $lang: 'en',
  label: 'Customer timeline',
  types: {
    note: 'Note', call: 'Call', meeting: 'Meeting', order: 'Order', ticket: 'Ticket', complaint: 'Complaint', review: 'Review',
    survey: 'Survey', points: 'Points', stage_change: 'Stage change', notification: 'Notification',
  },
  directions: { inbound: 'inbound', outbound: 'outbound', internal: 'internal' },
  phases: { pre_sale: 'Pre-sale', sale: 'Sale', after_sale: 'After-sale' },
  line: (type, direction) => `${type}, ${direction}`,
  today: 'Today',
  yesterday: 'Yesterday',
  shown: (shown, total) => `${shown} of ${total}`,
  empty: 'No interactions yet.',
  loading: 'Loading timeline…',
  notFound: 'This customer does not exist or was removed.',
  notConfigured: 'This timeline is not connected: set base-url and key, or place it in a kith-provider.',
  notAuthorized: {
    title: 'Staff sign-in needed',
    body: 'The timeline is shown only to signed-in staff. Sign in, then try again.',
  },
  noCustomer: 'No customer selected.',
  failed: (reason) => `The timeline could not be loaded: ${reason}.`,
};

export default en;
