// The complaint form's data, its checks and where an unsent complaint is kept: plain functions
// without Lit or zod (the server validates everything again with `NewComplaint`).
import type { ComplaintCategory, NewComplaint } from '@kith/schema';
import { recall, remember } from './review.model.js';
import { SENT_COMPLAINT_KEY } from '../internal/page-settings.js';

export { recall, remember };

/** The schema's `ComplaintCategory` values, in the order the form offers them. */
export const CATEGORIES = ['product', 'delivery', 'service', 'billing', 'other'] as const satisfies readonly ComplaintCategory[];

/** How the shopper would like the answer: the chosen way is required, the other optional. */
export type ContactBy = 'email' | 'phone';

/** What the person has typed (or chosen) so far. */
export interface ComplaintDraft {
  /** Empty until a category is chosen. */
  category: ComplaintCategory | '';
  subject: string;
  body: string;
  contactBy: ContactBy;
  name: string;
  email: string;
  phone: string;
}

export type ComplaintField = Exclude<keyof ComplaintDraft, 'contactBy'>;
export type ComplaintTextField = Exclude<ComplaintField, 'category'>;

/** Why a field cannot be sent yet; `server` carries the server's own message. */
export type ComplaintProblem = 'required' | 'tooLong' | 'emailInvalid' | 'phoneInvalid' | { server: string };

export const EMPTY_COMPLAINT: ComplaintDraft = { category: '', subject: '', body: '', contactBy: 'email', name: '', email: '', phone: '' };

/** The schema's limits (`feedback-complaint.ts`, `common.ts`): subject 150, description 5000, name 80, e-mail 254, phone 40. */
export const COMPLAINT_LIMITS: Record<ComplaintTextField, number> = { subject: 150, body: 5000, name: 80, email: 254, phone: 40 };

/** The fields in the order the form shows them (the first with a problem gets focus). */
export const COMPLAINT_FIELDS: readonly ComplaintField[] = ['category', 'subject', 'body', 'name', 'email', 'phone'];

/** A plausible address; the server's check is stricter and answers beside the field. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** The schema's `Phone`: 4 to 15 digits with common separators. */
const PHONE = /^\+?(?:[ ()./-]*\d){4,15}[ ()./-]*$/;

const isCategory = (value: unknown): value is ComplaintCategory => (CATEGORIES as readonly unknown[]).includes(value);

/** What must be corrected before sending, per field, in form order. */
export function complaintProblems(draft: ComplaintDraft): Partial<Record<ComplaintField, ComplaintProblem>> {
  const problems: Partial<Record<ComplaintField, ComplaintProblem>> = {};
  if (!isCategory(draft.category)) problems.category = 'required';
  for (const field of ['subject', 'body', 'name', 'email', 'phone'] as const) {
    const value = draft[field].trim();
    const optional = (field === 'email' || field === 'phone') && draft.contactBy !== field;
    if (value.length > COMPLAINT_LIMITS[field]) problems[field] = 'tooLong';
    else if (value === '') {
      if (!optional) problems[field] = 'required';
    } else if (field === 'email' && !EMAIL.test(value)) problems.email = 'emailInvalid';
    else if (field === 'phone' && !PHONE.test(value)) problems.phone = 'phoneInvalid';
  }
  return problems;
}

/** The complaint as the server takes it (call once `complaintProblems` is empty). */
export function toNewComplaint(draft: ComplaintDraft): NewComplaint {
  const email = draft.email.trim();
  const phone = draft.phone.trim();
  return {
    kind: 'complaint',
    category: isCategory(draft.category) ? draft.category : 'other',
    subject: draft.subject,
    body: draft.body,
    contact: { name: draft.name, email: email || null, phone: phone || null },
  };
}

/**
 * Where this browser keeps a complaint: the draft as it is typed (until the outbox holds it),
 * the outbox entry that waits to be sent, and the complaint sent (followed until the shopper
 * writes another one).
 */
// The sent complaint's key lives with the page settings: `Kith.reset()` (logout) removes it.
export const COMPLAINT_KEYS = { draft: 'kith:complaint-draft', pending: 'kith:complaint-pending', sent: SENT_COMPLAINT_KEY } as const;

export const isEmptyComplaint = (draft: ComplaintDraft): boolean =>
  draft.category === '' && (['subject', 'body', 'name', 'email', 'phone'] as const).every((field) => draft[field] === '');

/** The object stored as JSON under a key (or an entry's body), if it is one: storage is writable by any script of the page. */
export function storedObject(text: string | undefined): Record<string, unknown> | undefined {
  try {
    const value: unknown = text ? JSON.parse(text) : undefined;
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** A stored draft (or an outbox entry's body), checked field by field. */
export function parseComplaintDraft(text: string | undefined): ComplaintDraft | undefined {
  const record = storedObject(text);
  if (!record) return undefined;
  // An outbox entry's body nests the contact; a draft keeps it flat.
  const contact = typeof record['contact'] === 'object' && record['contact'] !== null ? (record['contact'] as Record<string, unknown>) : record;
  const stringIn = (source: Record<string, unknown>, key: string) => (typeof source[key] === 'string' ? (source[key] as string) : '');
  const draft: ComplaintDraft = {
    category: isCategory(record['category']) ? record['category'] : '',
    subject: stringIn(record, 'subject'),
    body: stringIn(record, 'body'),
    contactBy: record['contactBy'] === 'phone' || (!stringIn(contact, 'email') && stringIn(contact, 'phone')) ? 'phone' : 'email',
    name: stringIn(contact, 'name'),
    email: stringIn(contact, 'email'),
    phone: stringIn(contact, 'phone'),
  };
  return isEmptyComplaint(draft) ? undefined : draft;
}
