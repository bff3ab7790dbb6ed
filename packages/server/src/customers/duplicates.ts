import type { ContactChannel } from '@kith/schema';
import type { Queryable } from '../db/database.js';

/** Why two customers are taken for one person, strongest first. */
export type DuplicateRule = 'externalId' | 'email' | 'namePhone';

/** What a new or changed customer would look like, for matching. */
export interface Candidate {
  externalId: string | null;
  name: string;
  channels: readonly ContactChannel[];
}

const PHONE_KINDS = ['phone', 'mobile', 'sms'];

/**
 * The `email` column as migration 0001 generates it from `channels`: the preferred e-mail
 * channel, else the first, lower-cased. Computed here to match before writing.
 */
export function emailOf(channels: readonly ContactChannel[]): string | null {
  const emails = channels.filter((ch) => ch.kind === 'email');
  const chosen = emails.find((ch) => ch.preferred) ?? emails[0];
  return chosen ? chosen.value.toLowerCase() : null;
}

/** The phone numbers' digits, as `kith_phone_digits` makes them in SQL. */
export function phoneDigits(channels: readonly ContactChannel[]): string[] {
  return channels
    .filter((ch) => PHONE_KINDS.includes(ch.kind))
    .map((ch) => ch.value.replace(/\D/g, '').replace(/^00/, ''))
    .filter((digits) => digits.length >= 4);
}

/**
 * The existing customer the candidate duplicates, with the rule that matched: the same
 * shop id, the same e-mail (case-insensitive), or the same name (case, accents and spaces
 * folded) with a phone number of the same digits. `hardOnly` checks only the two rules the
 * unique indexes enforce anyway (what `allowDuplicate` cannot override). `except` skips the
 * customer being edited.
 */
export async function findDuplicate(
  q: Queryable,
  candidate: Candidate,
  options: { hardOnly?: boolean; except?: string } = {},
): Promise<{ id: string; rule: DuplicateRule } | null> {
  const digits = options.hardOnly ? [] : phoneDigits(candidate.channels);
  const { rows } = await q.query<{ id: string; rule: DuplicateRule }>(
    `SELECT c.id,
            CASE WHEN c.external_id = $1 THEN 'externalId' WHEN c.email = $2 THEN 'email' ELSE 'namePhone' END AS rule
       FROM customers c
      WHERE c.id IS DISTINCT FROM $5::uuid
        AND (c.external_id = $1 OR c.email = $2
         OR (cardinality($4::text[]) > 0 AND kith_name_key(c.name) = kith_name_key($3)
             AND EXISTS (SELECT 1 FROM jsonb_array_elements(c.channels) ch
                          WHERE ch->>'kind' = ANY($6::text[]) AND kith_phone_digits(ch->>'value') = ANY($4::text[]))))
      ORDER BY CASE WHEN c.external_id = $1 THEN 0 WHEN c.email = $2 THEN 1 ELSE 2 END, c.id
      LIMIT 1`,
    [candidate.externalId, emailOf(candidate.channels), candidate.name.normalize('NFC'), digits, options.except ?? null, PHONE_KINDS],
  );
  return rows[0] ?? null;
}

/** How a 409 names the rule that matched. */
export const RULE_TEXT: Record<DuplicateRule, string> = {
  externalId: 'the same externalId',
  email: 'the same e-mail address',
  namePhone: 'the same name and phone number',
};
