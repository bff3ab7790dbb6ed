// The data subject of an export or erasure: one customer, and how their data is recognised
// in free text and stored JSON (audit before/after, events, idempotency replies, webhooks).
import { ANONYMOUS_AUTHOR, ERASED_CUSTOMER_NAME, ERASED_EMAIL, ERASED_TEXT, type ContactChannel, type CustomerKind } from '@kith/schema';
import type { Queryable } from '../db/database.js';

export interface DataSubject {
  id: string;
  kind: CustomerKind;
  erasedAt: Date | null;
  /**
   * Patterns for `kith_mentions` / `kith_scrub` (migration 0013) of what identifies only
   * them: their id, their feedback's ids (a public review event names the review, not its
   * author), e-mail addresses (unique per customer) and external id. An export includes
   * records that mention one of these — never a name another customer may share.
   */
  exactPatterns: string[];
  /**
   * Everything above plus their name and every other channel value (phones also as their
   * digits in any layout). Erasure removes what matches: erring towards removing too much.
   */
  erasePatterns: string[];
  /** Lower-cased e-mail addresses: a complaint or review made without an account that gives one is theirs. */
  emails: string[];
  /** Their phone numbers' digits (7 or more; an international "00" counted like "+"). */
  phoneDigits: string[];
}

interface SubjectRow {
  id: string;
  kind: CustomerKind;
  name: string;
  external_id: string | null;
  channels: ContactChannel[];
  erased_at: Date | null;
  complaint_emails: string[];
  complaint_phones: string[];
  feedback_ids: string[];
}

const PHONE_KINDS: ReadonlySet<string> = new Set(['phone', 'mobile', 'sms', 'fax']);
/** What erasure itself writes: never a sign of someone's data. */
const PLACEHOLDERS: ReadonlySet<string> = new Set([ERASED_CUSTOMER_NAME, ERASED_EMAIL, ANONYMOUS_AUTHOR, ERASED_TEXT].map((t) => t.toLowerCase()));

/**
 * Reads the customer (locking the row with `lock`, for erasure), with the contact details
 * of their complaints and reviews (an e-mail address given only there is theirs too). Null if unknown.
 */
export async function readSubject(q: Queryable, id: string, options: { lock?: boolean } = {}): Promise<DataSubject | null> {
  if (options.lock) await q.query('SELECT 1 FROM customers WHERE id = $1 FOR UPDATE', [id]);
  const { rows } = await q.query<SubjectRow>(
    `SELECT c.id, c.kind, c.name, c.external_id, c.channels, c.erased_at,
            ARRAY(SELECT DISTINCT f.contact_email FROM feedback f
                   WHERE f.customer_id = c.id AND f.kind IN ('complaint', 'review') AND f.contact_email IS NOT NULL) AS complaint_emails,
            ARRAY(SELECT DISTINCT f.contact_phone FROM feedback f
                   WHERE f.customer_id = c.id AND f.kind = 'complaint' AND f.contact_phone IS NOT NULL) AS complaint_phones,
            ARRAY(SELECT f.id::text FROM feedback f WHERE f.customer_id = c.id ORDER BY f.id) AS feedback_ids
       FROM customers c WHERE c.id = $1`,
    [id],
  );
  const row = rows[0];
  return row ? subjectOf(row) : null;
}

function subjectOf(row: SubjectRow): DataSubject {
  const emails = unique([
    ...row.channels.filter((ch) => ch.kind === 'email').map((ch) => ch.value),
    ...row.complaint_emails,
  ].map((e) => e.trim().toLowerCase()).filter(isPersonal));
  const phones = [...row.channels.filter((ch) => PHONE_KINDS.has(ch.kind)).map((ch) => ch.value), ...row.complaint_phones];
  const phoneDigits = unique(phones.map(digitsOf).filter((digits) => digits.length >= 7));
  const exact = [row.id, ...row.feedback_ids, ...emails, ...(row.external_id ? [row.external_id] : [])].filter(isPersonal);
  const others = [row.name, ...row.channels.map((ch) => ch.value), ...phones].filter(isPersonal).filter(distinctive);
  return {
    id: row.id,
    kind: row.kind,
    erasedAt: row.erased_at,
    exactPatterns: unique(exact.flatMap(textPatterns)),
    erasePatterns: unique([...exact, ...others].flatMap(textPatterns).concat(phoneDigits.map(digitsPattern))),
    emails,
    phoneDigits,
  };
}

/** A phone number as duplicate detection compares it (`kith_phone_digits`, migration 0004). */
export function digitsOf(phone: string): string {
  return phone.replace(/\D/g, '').replace(/^00/, '');
}

const unique = (values: readonly string[]) => [...new Set(values)];
const isPersonal = (value: string) => value.trim() !== '' && !PLACEHOLDERS.has(value.trim().toLowerCase());

/**
 * Long enough not to match everywhere: three characters, or two when one is not ASCII
 * (a Chinese name such as 王芳).
 */
function distinctive(value: string): boolean {
  const t = value.trim();
  return t.length >= 3 || (t.length === 2 && [...t].some((ch) => ch.charCodeAt(0) > 0x7f));
}

/**
 * The value as a literal regular expression (every ASCII character but letters and digits
 * escaped: the pattern is data, bound as a parameter, and means only itself), not matching
 * inside a longer Latin word or number. Stored JSON escapes `"` and `\`, so a value with
 * either also gets its JSON spelling.
 */
function textPatterns(value: string): string[] {
  const t = value.trim();
  const spellings = unique([t, JSON.stringify(t).slice(1, -1)]);
  return spellings.map((s) => `${edge(s[0], 'before')}${s.replace(/[^A-Za-z0-9\u0080-\uffff]/g, (ch) => `\\${ch}`)}${edge(s.at(-1), 'after')}`);
}

/** A boundary assertion when the value starts (ends) with a word character. */
function edge(ch: string | undefined, side: 'before' | 'after'): string {
  if (ch === undefined || !/[A-Za-z0-9_]/.test(ch)) return '';
  return side === 'before' ? '(?<![A-Za-z0-9_])' : '(?![A-Za-z0-9_])';
}

/** The digits in any layout: up to three separators (space, +, (), ., -) between them. */
function digitsPattern(digits: string): string {
  return `(?<![0-9])${digits.split('').join('[^0-9A-Za-z]{0,3}')}(?![0-9])`;
}
