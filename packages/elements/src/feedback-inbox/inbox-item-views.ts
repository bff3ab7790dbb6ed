// What one inbox item shows of each kind (a review, a complaint, a survey answer): the record's facts
// as text, in the shopper's own direction. The actions are the element's (inbox-item.component.ts).
import { html, nothing, type TemplateResult } from 'lit';
import { SURVEY_SCALES, type Complaint, type Review, type Survey } from '@kith/schema';
import { dateTimeFormat, formatCount } from '../internal/format.js';
import { deadlineOf, type Deadline, type Span } from './inbox-item.model.js';
import type { InboxItemTexts } from './item-locales/texts.js';

/** What the views need: the item's texts, its locale, and the moment deadlines count from. */
export interface ItemView {
  t: InboxItemTexts;
  locale: string;
  now: number;
}

function heading(kind: string, title: string, lang?: string): TemplateResult {
  return html`<h3 class="heading" part="heading" id="heading"><span class="kind">${kind}</span> <bdi dir="auto" lang=${lang ?? nothing}>${title}</bdi></h3>`;
}

function date(v: ItemView, iso: string): string {
  return dateTimeFormat(v.locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** A fact of the item: a label and user text (isolated, in its own direction). */
function fact(label: string, value: string | TemplateResult | null | undefined, lang?: string): TemplateResult | typeof nothing {
  if (value === null || value === undefined || value === '') return nothing;
  return html`<div class="fact"><dt>${label}</dt><dd dir="auto" lang=${lang ?? nothing}>${value}</dd></div>`;
}

/** A review: stars, status, the shopper's words, what staff need to know, the public reply. */
export function renderReview(v: ItemView, review: Review): TemplateResult {
  const { t } = v;
  const lang = review.language;
  return html`
    ${heading(t.kinds.review, review.title, lang)}
    <p class="line">
      <span class="stars" part="stars" role="img" aria-label=${t.rated(review.rating)}>${'★'.repeat(review.rating)}${'☆'.repeat(5 - review.rating)}</span>
      <span class="badge" part="badge" data-status=${review.status}>${t.reviewStatus[review.status]}</span>
      ${review.verifiedPurchase ? html`<span class="badge verified">${t.labels.verified}</span>` : nothing}
    </p>
    <p class="body" part="body" dir="auto" lang=${lang}>${review.body}</p>
    <dl class="facts" part="facts">
      ${fact(t.labels.author, html`<bdi>${review.authorName}</bdi>`, lang)}
      ${fact(t.labels.email, review.email)}
      ${fact(t.labels.product, review.productId)}
      ${fact(t.labels.created, date(v, review.createdAt))}
      ${fact(t.labels.rejectionReason, review.rejectionReason)}
    </dl>
    ${review.reply ? renderReply(v, t.labels.reply, review.reply.body, review.reply.repliedAt) : nothing}
  `;
}

/** A complaint: status, category, the deadline line, the words, the contact, the answer. */
export function renderComplaint(v: ItemView, complaint: Complaint): TemplateResult {
  const { t } = v;
  const { contact } = complaint;
  const deadline = deadlineOf(complaint, v.now);
  return html`
    ${heading(t.kinds.complaint, complaint.subject)}
    <p class="line">
      <span class="badge" part="badge" data-status=${complaint.status}>${t.complaintStatus[complaint.status]}</span>
      <span class="category">${t.categories[complaint.category]}</span>
    </p>
    <p class="deadline" part="deadline" data-state=${deadline.state}>${deadlineText(v, deadline)}</p>
    <p class="body" part="body" dir="auto">${complaint.body}</p>
    <dl class="facts" part="facts">
      ${fact(t.labels.contact, html`<bdi>${contact.name}</bdi>`)}
      ${fact(t.labels.email, contact.email)}
      ${fact(t.labels.phone, contact.phone)}
      ${fact(t.labels.created, date(v, complaint.createdAt))}
    </dl>
    ${complaint.reply ? renderReply(v, t.labels.answer, complaint.reply.body, complaint.reply.repliedAt) : nothing}
  `;
}

/** A survey answer: the metric, the score on its scale, the comment. */
export function renderSurvey(v: ItemView, survey: Survey): TemplateResult {
  const { t, locale } = v;
  const max = SURVEY_SCALES[survey.metric].max;
  return html`
    ${heading(t.kinds.survey, t.metrics[survey.metric])}
    <p class="score" part="score">${t.score(formatCount(survey.score, locale), formatCount(max, locale))}</p>
    ${survey.comment ? html`<p class="body" part="body" dir="auto">${survey.comment}</p>` : nothing}
    <dl class="facts" part="facts">${fact(t.labels.created, date(v, survey.createdAt))}</dl>
  `;
}

function renderReply(v: ItemView, label: string, body: string, at: string): TemplateResult {
  return html`<div class="reply" part="reply">
    <p class="reply-label">${label} · ${date(v, at)}</p>
    <p class="reply-body" dir="auto">${body}</p>
  </div>`;
}

function spanText(v: ItemView, span: Span): string {
  const { t } = v;
  const amount = formatCount(span.amount, v.locale);
  return span.unit === 'hour' ? t.hours(amount) : t.minutes(amount);
}

/** The deadline line's words: due in, overdue by, answered on, or the status it was settled with. */
export function deadlineText(v: ItemView, deadline: Deadline): string {
  const { t } = v;
  if (deadline.state === 'due') return t.deadline.due(spanText(v, deadline.left));
  if (deadline.state === 'overdue') return t.deadline.overdue(spanText(v, deadline.late));
  return deadline.answeredAt ? t.deadline.answered(date(v, deadline.answeredAt)) : t.complaintStatus[deadline.status];
}
