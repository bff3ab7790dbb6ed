// Helpers shared by the row → record readers (src/<resource>/read.ts). Both database
// adapters return timestamptz as Date and int8 as number (see parseInt8).
import type { Money } from '@kith/schema';

/** A timestamptz column as the API's ISO 8601 UTC string. */
export const iso = (date: Date): string => date.toISOString();

/** A nullable timestamptz column. */
export const isoOrNull = (date: Date | null): string | null => (date ? date.toISOString() : null);

/** A bigint minor-units column and its char(3) currency column as `Money`. */
export const money = (amount: number, currency: string): Money => ({ amount, currency: currency.trim() });
