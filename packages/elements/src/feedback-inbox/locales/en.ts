import type { FeedbackInboxTexts, ListedKind } from './texts.js';

const plural = (count: number, one: string, other: string) => (count === 1 ? one : other);
const NOUNS: Record<ListedKind, [string, string]> = {
  review: ['review', 'reviews'],
  complaint: ['complaint', 'complaints'],
  survey: ['survey answer', 'survey answers'],
};

const en: FeedbackInboxTexts = {
  $lang: 'en',
  label: 'Feedback inbox',
  views: 'Inbox views',
  tabs: { reviews: 'Reviews', complaints: 'Complaints', surveys: 'Survey comments', results: 'Results' },
  statusFilter: 'Status',
  reviewStatuses: { pending: 'Awaiting moderation', published: 'Published', rejected: 'Rejected' },
  allStatuses: 'All statuses',
  complaintStatuses: { open: 'Open', in_progress: 'In progress', answered: 'Answered', resolved: 'Resolved', closed: 'Closed' },
  overdueOnly: 'Overdue only',
  empty: {
    review: 'No reviews with this status.',
    complaint: 'No complaints here. Every complaint is answered.',
    survey: 'No survey answers yet.',
  },
  list: { review: 'Reviews', complaint: 'Complaints, overdue first', survey: 'Survey answers' },
  loadMore: 'Load more',
  moreFailed: (reason) => `More could not be loaded: ${reason}.`,
  fresh: 'New',
  arrived: (kind, n, count) => `${n} new ${plural(count, ...NOUNS[kind])}`,
  loading: 'Loading the inbox…',
  notFound: 'The inbox could not be found.',
  notConfigured: 'This inbox is not connected: give it a client with a staff token (.client), or place it in a kith-provider that has one.',
  failed: (reason) => `The inbox could not be loaded: ${reason}.`,
  notAuthorized: {
    title: 'Staff only',
    body: 'Sign in as staff with access to feedback to see the inbox.',
  },
};

export default en;
