// <kith-feedback-inbox> in every state it renders on purpose. Each story's loader gives the inbox a
// real SDK client whose network replays answers (the SDK validates them against @kith/schema as it
// does the server's). The inbox's records are made here rather than recorded: complaints must be
// due, overdue and answered relative to the moment the story opens, which a recording cannot be.
// `parameters.kith.status` is the state the inbox must reach (scripts/storybook-check.mjs).
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Complaint, ErrorEnvelope, Feedback, FeedbackPage, Review, Survey } from '@kith/schema';
import type { KithClient } from '@kith/sdk';
import '@kith/elements/feedback-inbox.js';
import type { Recorded } from './support/recorded.js';
import { withReplay } from './support/replay.js';
import { reaches } from './support/states.js';

const HOUR = 3_600_000;
const opened = Date.now();
const at = (hoursAgo: number) => new Date(opened - hoursAgo * HOUR).toISOString();
const PRODUCT = '5b0f3c2e-8f7a-4d1e-9c6b-2a4e1f0d9c11';

function review(n: number, fields: Partial<Review>): Review {
  return {
    kind: 'review', id: `0b9a6c1e-0000-4000-8000-00000000000${n}`, productId: PRODUCT, customerId: null, rating: 4,
    title: 'Solid kettle', body: 'Boils fast, a little loud.', authorName: 'Ann', email: 'ann@shop.example', language: 'en',
    verifiedPurchase: false, status: 'pending', rejectionReason: null, reply: null, createdAt: at(n), updatedAt: at(n), ...fields,
  };
}

function complaint(n: number, hoursAgo: number, fields: Partial<Complaint> = {}): Complaint {
  return {
    kind: 'complaint', id: `1c8b5d2f-0000-4000-8000-00000000000${n}`, customerId: null, category: 'delivery', subject: 'Parcel late',
    body: 'It came a week late and the box was crushed.', contact: { name: 'Mei', email: 'mei@shop.example', phone: null },
    status: 'open', dueAt: at(hoursAgo - 24), answeredAt: null, reply: null, createdAt: at(hoursAgo), updatedAt: at(hoursAgo), ...fields,
  };
}

const survey = (n: number, fields: Partial<Survey>): Survey => ({
  kind: 'survey', id: `2d7c4e3a-0000-4000-8000-00000000000${n}`, customerId: null, metric: 'nps', score: 9, comment: null, createdAt: at(n), ...fields,
});

const REVIEWS: Review[] = [
  review(1, { title: 'Lovely colour', body: 'Exactly as pictured; arrived in two days.', rating: 5, verifiedPurchase: true }),
  review(2, { title: '好用', body: '烧水很快，声音有点大。', authorName: '李雷', language: 'zh-Hans', rating: 4 }),
  review(3, { title: 'Lid broke', body: 'The hinge snapped after a week.', rating: 2, email: null }),
];
// The server's order: overdue first, then by deadline, then settled.
const COMPLAINTS: Complaint[] = [
  complaint(1, 26, { subject: 'Charged twice', category: 'billing' }),
  complaint(2, 21, { status: 'in_progress' }),
  complaint(3, 2, { subject: 'Wrong size sent', category: 'product', contact: { name: 'Tom', email: null, phone: '+44 20 7946 0000' } }),
  complaint(4, 30, {
    status: 'answered', subject: 'Rude driver', category: 'service', answeredAt: at(20),
    reply: { body: 'We are sorry: we spoke to the courier.', staffId: null, repliedAt: at(20) },
  }),
];
const SURVEYS: Survey[] = [
  survey(1, { score: 10, comment: 'Quick and friendly.' }),
  survey(2, { metric: 'csat', score: 2, comment: 'Support took three days to reply.' }),
];

const answer = (query: string, items: Feedback[]): Recorded => ({
  method: 'GET', path: `/v1/feedback?${query}`, as: 'staff', status: 200, headers: {}, schema: 'FeedbackPage',
  body: { items, next: null } satisfies FeedbackPage,
});
const inbox = [
  answer('kind=review&status=pending', REVIEWS),
  answer('kind=complaint', COMPLAINTS),
  answer('kind=survey', SURVEYS),
];
const forbidden: Recorded = {
  method: 'GET', path: '/v1/feedback?kind=review&status=pending', as: 'key', status: 401, headers: {}, schema: 'ErrorEnvelope',
  body: { error: { code: 'unauthorized', message: 'A staff token is required.' } } satisfies ErrorEnvelope,
};

interface InboxArgs {
  view?: 'reviews' | 'complaints' | 'surveys' | 'results';
  locale?: string;
  theme?: 'light' | 'dark' | 'auto';
  onKithInboxAction?: (event: Event) => void;
  onKithError?: (event: Event) => void;
}

const meta = {
  title: 'Elements/Feedback inbox',
  component: 'kith-feedback-inbox',
  tags: ['autodocs'],
  args: { view: 'reviews' },
  argTypes: {
    view: { control: 'inline-radio', options: ['reviews', 'complaints', 'surveys', 'results'] },
    locale: { control: 'select', options: ['en', 'en-GB', 'zh-Hans', 'zh-CN', 'zh-Hant', 'zh-TW', 'zh-HK'] },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
  },
  render: (args, { loaded }) => html`
    <kith-feedback-inbox
      style="max-width: 44rem"
      .client=${loaded['client'] as KithClient | undefined}
      view=${ifDefined(args.view)}
      locale=${ifDefined(args.locale)}
      theme=${ifDefined(args.theme)}
      @kith-inbox-action=${args.onKithInboxAction}
      @kith-error=${args.onKithError}
    ></kith-feedback-inbox>
  `,
} satisfies Meta<InboxArgs>;

export default meta;
type Story = StoryObj<InboxArgs>;

/** Reviews awaiting moderation: publish, reject with a reason, or reply publicly (the actions need a server to answer). */
export const Reviews: Story = {
  parameters: reaches('ready'),
  loaders: [withReplay(inbox)],
};

/** Complaints overdue first, then by deadline, with the countdown ("Answer due in 3 h", "Overdue by 2 h"). */
export const Complaints: Story = {
  parameters: reaches('ready'),
  args: { view: 'complaints' },
  loaders: [withReplay(inbox)],
};

/** Survey answers with their comments. */
export const SurveyComments: Story = {
  name: 'Survey comments',
  parameters: reaches('ready'),
  args: { view: 'surveys' },
  loaders: [withReplay(inbox)],
};

/** The complaints in the dark theme. */
export const Dark: Story = {
  parameters: reaches('ready'),
  args: { view: 'complaints', theme: 'dark' },
  loaders: [withReplay(inbox)],
};

/** The complaints in Simplified Chinese. */
export const SimplifiedChinese: Story = {
  name: 'Simplified Chinese',
  parameters: reaches('ready'),
  args: { view: 'complaints', locale: 'zh-Hans' },
  loaders: [withReplay(inbox)],
};

/** On a 360 px phone screen: the tabs scroll sideways, the items wrap. */
export const Narrow: Story = {
  name: '360 px',
  parameters: reaches('ready'),
  args: { view: 'complaints' },
  loaders: [withReplay(inbox)],
  render: (args, context) => html`<div style="width: 360px; outline: 1px dashed #8888">${meta.render(args, context)}</div>`,
};

/** No review waits for moderation. */
export const Empty: Story = {
  parameters: reaches('empty'),
  loaders: [withReplay([answer('kind=review&status=pending', [])])],
};

/** The server has not answered yet: a skeleton, `aria-busy`, and a status for screen readers. */
export const Loading: Story = { parameters: reaches('loading'), loaders: [withReplay([], 'hang')] };

/** Nothing saved and the server cannot be reached: the error, with Retry. */
export const ErrorOffline: Story = { name: 'Error, offline', parameters: reaches('error'), loaders: [withReplay([], 'offline')] };

/** A publishable key alone (no staff token): the inbox says who may see it. */
export const NotAuthorised: Story = {
  parameters: reaches('not_authorized'),
  loaders: [withReplay([forbidden])],
};

/** No client at all: no `.client`, no provider, no page settings, no `base-url` and `key`. */
export const NotConfigured: Story = { parameters: reaches('idle'), loaders: [] };
