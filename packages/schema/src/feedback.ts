import * as z from 'zod/mini';
import { Complaint, NewComplaint } from './feedback-complaint.js';
import { NewReview, Review } from './feedback-review.js';
import { NewSurvey, Survey } from './feedback-survey.js';

/** The three kinds of feedback; each record says which one it is in `kind`. */
export const FeedbackKind = z.enum(['review', 'survey', 'complaint']);
export type FeedbackKind = z.infer<typeof FeedbackKind>;

/** Any feedback record: one concept, three kinds, told apart by `kind`. */
export const Feedback = z.discriminatedUnion('kind', [Review, Survey, Complaint]);
export type Feedback = z.infer<typeof Feedback>;

/** Any feedback a shopper submits (one endpoint, one outbox entry type). */
export const NewFeedback = z.discriminatedUnion('kind', [NewReview, NewSurvey, NewComplaint]);
export type NewFeedback = z.infer<typeof NewFeedback>;
