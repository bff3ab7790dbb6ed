// The small parts of a review that the public review routes share with the full record: kept
// apart so that a page reading published reviews does not build the whole review schema.
import * as z from 'zod/mini';
import { Id, Timestamp, longText } from './common.js';

/** A review is public only once published; `pending` ones wait for a moderator. */
export const ModerationStatus = z.enum(['pending', 'published', 'rejected']);
export type ModerationStatus = z.infer<typeof ModerationStatus>;

/** A star rating: 1 to 5 whole stars. */
export const Rating = z.int().check(z.minimum(1), z.maximum(5));
export type Rating = z.infer<typeof Rating>;

/** The shop's public answer under a review, or its answer to a complaint (which only the complainant and staff see). */
export const ReviewReply = z.strictObject({
  body: longText(5000),
  /** Who answered; null once that staff user is deleted (the reply stays). */
  staffId: z.nullable(Id),
  repliedAt: Timestamp,
});
export type ReviewReply = z.infer<typeof ReviewReply>;
