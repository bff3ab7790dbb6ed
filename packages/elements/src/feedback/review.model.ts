// The review form's data, its checks and where an unsent review is kept: plain functions with no
// Lit and no zod, so the form's entry stays small (the server validates everything again).
import { REVIEW_LIMITS } from '@kith/schema/review-limits';

/** What the person has typed (or chosen) so far. */
export interface ReviewDraft {
  /** 0 until a star is chosen. */
  rating: number;
  title: string;
  body: string;
  authorName: string;
  email: string;
}

export type ReviewField = keyof ReviewDraft;
export type TextField = Exclude<ReviewField, 'rating'>;
/** Why a field cannot be sent yet; `server` carries the server's own message. */
export type FieldProblem = 'required' | 'tooLong' | 'emailInvalid' | 'ratingRequired' | { server: string };

export const EMPTY_DRAFT: ReviewDraft = { rating: 0, title: '', body: '', authorName: '', email: '' };

/** The text fields in the order the form shows them (the first with a problem gets focus). */
export const TEXT_FIELDS: readonly TextField[] = ['title', 'body', 'authorName', 'email'];

/** The length the server counts: UTF-16 code units of the text as sent (review text is kept verbatim). */
export const lengthOf = (value: string): number => value.length;

/** A plausible address; the server's check is stricter and answers beside the field. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** What must be corrected before sending, per field, in form order. */
export function problemsOf(draft: ReviewDraft): Partial<Record<ReviewField, FieldProblem>> {
  const problems: Partial<Record<ReviewField, FieldProblem>> = {};
  if (!(draft.rating >= 1 && draft.rating <= 5)) problems.rating = 'ratingRequired';
  for (const field of TEXT_FIELDS) {
    const length = lengthOf(draft[field]);
    if (length > REVIEW_LIMITS[field]) problems[field] = 'tooLong';
    else if (draft[field].trim() === '' && field !== 'email') problems[field] = 'required';
    else if (field === 'email' && length > 0 && !EMAIL.test(draft.email.trim())) problems.email = 'emailInvalid';
  }
  return problems;
}

/**
 * Where a product's unsent review lives in this browser: the draft as it is typed (until it is in
 * the outbox, which keeps it from then on), and the id of the outbox entry that waits to be sent
 * (so a page loaded later follows it to delivery).
 */
export function storageKeys(product: string): { draft: string; pending: string } {
  return { draft: `kith:review-draft:${product}`, pending: `kith:review-pending:${product}` };
}

/** localStorage, or nothing where it is blocked (private modes, sandboxed frames, full quota). */
function storage(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

export function remember(key: string, value: string | undefined): void {
  try {
    if (value === undefined) storage()?.removeItem(key);
    else storage()?.setItem(key, value);
  } catch {
    // Quota or blocked storage: the draft stays in the form for this page; nothing else breaks.
  }
}

export function recall(key: string): string | undefined {
  try {
    return storage()?.getItem(key) ?? undefined;
  } catch {
    return undefined;
  }
}

/** A stored draft, checked field by field: storage is writable by any script of the page. */
export function parseDraft(text: string | undefined): ReviewDraft | undefined {
  if (!text) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  const draft = { ...EMPTY_DRAFT };
  const rating = record['rating'];
  if (typeof rating === 'number' && Number.isInteger(rating) && rating >= 1 && rating <= 5) draft.rating = rating;
  for (const field of TEXT_FIELDS) {
    const text = record[field];
    if (typeof text === 'string') draft[field] = text;
  }
  return isEmpty(draft) ? undefined : draft;
}

export const isEmpty = (draft: ReviewDraft): boolean => draft.rating === 0 && TEXT_FIELDS.every((field) => draft[field] === '');
