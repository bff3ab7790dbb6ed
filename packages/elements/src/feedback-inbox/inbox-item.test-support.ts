// What the inbox item's test files share: items made through the real API (a shopper's key) and read
// back with a staff token, the item mounted alone, and its pieces found by part.
import { fixture, html, oneEvent } from '@open-wc/testing';
import type { Complaint, Feedback, NewComplaint, Review, Survey } from '@kith/schema';
import type { ClientOptions, KithClient } from '@kith/sdk';
import { tokenSource, type KithServerInfo } from '../../../../test/support/server-commands.js';
import { clientFor, unique } from '../feedback/feedback.test-support.js';
import type { KithInboxActionEvent } from '../events/kith-inbox-action.js';
import './inbox-item.js';
import type { KithFeedbackInboxItem } from './inbox-item.js';

export { part, parts, squash, text } from '../../../../test/support/dom.js';
export { unique };

export const HOUR = 3_600_000;
export const MINUTE = 60_000;

/** A staff client that may read and moderate feedback, with storage of its own. */
export const staffClient = (server: KithServerInfo, options: Partial<ClientOptions> = {}): KithClient =>
  clientFor(server, { token: tokenSource({ kind: 'staff', scopes: ['feedback:read', 'feedback:moderate'] }), ...options });

/** Sends feedback as a shopper (the publishable key) and reads the whole record back as staff. */
async function made(server: KithServerInfo, staff: KithClient, create: Parameters<KithClient['feedback']['create']>[0]): Promise<Feedback> {
  const result = await clientFor(server).feedback.create(create);
  if (result.status !== 'sent') throw new Error(`the feedback was ${result.status}`);
  return staff.feedback.get(result.data.id);
}

export async function makeReview(server: KithServerInfo, staff: KithClient, fields: Partial<{ title: string; body: string; authorName: string; language: string }> = {}): Promise<Review> {
  const review = await made(server, staff, {
    kind: 'review', productId: server.sampleProductId, rating: 4, title: fields.title ?? unique('Solid kettle'),
    body: fields.body ?? 'Boils fast, a little loud.', authorName: fields.authorName ?? 'Ann', language: fields.language ?? 'en', email: 'ann@shop.example',
  });
  if (review.kind !== 'review') throw new Error('not a review');
  return review;
}

export async function makeComplaint(server: KithServerInfo, staff: KithClient, fields: Partial<NewComplaint> = {}): Promise<Complaint> {
  const complaint = await made(server, staff, {
    kind: 'complaint', category: 'delivery', subject: unique('Parcel late'), body: 'It came a week late.',
    contact: { name: 'Mei', email: 'mei@shop.example', phone: '+86 138 0013 8000' }, ...fields,
  });
  if (complaint.kind !== 'complaint') throw new Error('not a complaint');
  return complaint;
}

export async function makeSurvey(server: KithServerInfo, staff: KithClient): Promise<Survey> {
  const survey = await made(server, staff, { kind: 'survey', metric: 'nps', score: 9, comment: 'Quick and friendly.' });
  if (survey.kind !== 'survey') throw new Error('not a survey');
  return survey;
}

/** The item mounted alone, 360 px wide, with its texts loaded. */
export async function mount(item: Feedback, client: KithClient | undefined, options: { now?: number; locale?: string } = {}): Promise<KithFeedbackInboxItem> {
  const el = await fixture<KithFeedbackInboxItem>(html`<kith-feedback-inbox-item .item=${item} .client=${client} .now=${options.now}
    locale=${options.locale ?? 'en-US'} style="width: 360px"></kith-feedback-inbox-item>`);
  await el.localeReady();
  await el.updateComplete;
  return el;
}

/** The next `kith-inbox-action` of the item. */
export const nextAction = (el: KithFeedbackInboxItem) => oneEvent(el, 'kith-inbox-action') as Promise<KithInboxActionEvent>;

/** The element focused inside the item's shadow root, by its part ('' when none). */
export const focusedPart = (el: KithFeedbackInboxItem) => el.shadowRoot?.activeElement?.getAttribute('part') ?? el.shadowRoot?.activeElement?.id ?? '';

/** Whether the item fits its width (no piece wider than 360 px). */
export function fits(el: KithFeedbackInboxItem): boolean {
  const box = el.shadowRoot?.querySelector<HTMLElement>('[part~="item"]');
  return box !== null && box !== undefined && box.scrollWidth <= box.clientWidth;
}
