import type { Texts } from '../../locales/translation.js';

/** "'Acme renewal' … Negotiation, position 2 of 5": the title, the stage, and the position and count formatted with Intl. */
type Place = (title: string, stage: string, position: string, count: string) => string;

/**
 * The texts of the board's tools (a chunk of their own): moving a card by pointer, touch and
 * keyboard with its announcements, each column's sort, the owner and text filters.
 */
export interface BoardToolsTexts extends Texts {
  /** How to move and open a card: each card's description. */
  help: string;
  /** Said when a card is lifted by keyboard. */
  lifted: Place;
  /** Said at each step of a keyboard move: "Moved 'Acme renewal' to Negotiation, position 2 of 5". */
  moved: Place;
  /** Said when a card is dropped in a new place. */
  dropped: Place;
  /** Said when a card is dropped where it was. */
  stays: Place;
  /** Said when a move is cancelled (Escape): the card is back where it was. */
  cancelled: Place;
  /** The badge of a card whose move waits in the outbox. */
  pending: string;
  /** A move kept while offline. */
  queued: (title: string) => string;
  /** Someone else changed the deal first (409): the move is undone, the board shows their change. */
  conflict: (title: string) => string;
  /** The staff member may not change deals (403): the card went back. */
  notAllowed: (title: string, stage: string) => string;
  /** Any other refusal: the card went back; `reason` is a shared reason ("the server had a problem"). */
  refused: (title: string, stage: string, reason: string) => string;
  /** A card whose last move is not delivered yet cannot be moved again. */
  busy: (title: string) => string;
  sort: {
    /** Accessible name of a column's sort list: "Sort Negotiation". */
    label: (stage: string) => string;
    rank: string;
    amount: string;
    close: string;
  };
  /** Under a column sorted by amount or close date. */
  sorted: (by: string) => string;
  /** Said when a person tries to reorder within a sorted column. */
  sortedAttempt: (stage: string, by: string) => string;
  filters: { label: string; owner: string; everyone: string; noOwner: string; search: string };
  /** An owner whose name this staff token may not read (no `staff:read`). */
  colleague: (n: string) => string;
  /** Under the filters while they hide deals: the column totals count the deals shown. */
  filtered: (shown: string, total: string) => string;
  /** With `customer-id`: the board shows one customer's deals, and the totals count them. */
  customerOnly: string;
}
