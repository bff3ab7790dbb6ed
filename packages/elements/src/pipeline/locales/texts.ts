import type { StageKind } from '@kith/schema';
import type { Texts } from '../../locales/translation.js';

/** The texts of `<kith-pipeline>` that show with the board. Moving, sorting and filtering carry their own (`tools-texts.ts`). */
export interface PipelineTexts extends Texts {
  /** Accessible name of the board: "Pipeline Wholesale & corporate". */
  label: (name: string) => string;
  /** The badge of a won or lost column (an open one has none). */
  kinds: Record<Exclude<StageKind, 'open'>, string>;
  /** Accessible name of a column's list of cards: "Deals in Negotiation". */
  cards: (stage: string) => string;
  /** The totals of a column. */
  totals: { count: string; amount: string; forecast: string };
  /** "Closes 12 Mar 2027" — the date formatted with Intl. */
  closes: (date: string) => string;
  /** A column without deals. */
  noDeals: string;
  /** Said while the board's later pages load (more than 500 deals). */
  loadingMore: string;
  /** The later pages could not be loaded. */
  moreFailed: (reason: string) => string;
  empty: string;
  /** With `customer-id`: this customer has no deals in this pipeline. */
  customerEmpty: string;
  loading: string;
  notFound: string;
  notConfigured: string;
  notAuthorized: { title: string; body: string };
  /** Shown when there is a client but no pipeline-id. */
  noPipeline: string;
  /** "The pipeline could not be loaded: …" */
  failed: (reason: string) => string;
}
