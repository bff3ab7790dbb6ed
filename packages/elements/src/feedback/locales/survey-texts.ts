import type { SurveyMetric } from '@kith/schema';
import type { LockedTexts, StatusTexts } from '../../internal/status.js';
import type { Texts } from '../../locales/translation.js';

/** What `<kith-feedback kind="nps|csat|ces">` says (loaded with the survey's chunk). */
export interface SurveyTexts extends Texts, StatusTexts, LockedTexts {
  heading: string;
  /** The default question of each metric: the radio group's legend. */
  question: Record<SurveyMetric, string>;
  /** The names of each scale's two ends (lowest, highest). */
  ends: Record<SurveyMetric, readonly [string, string]>;
  /** A score's accessible name: "0 — Not at all likely" at an end, else the number. */
  score: (score: number, end: string | undefined) => string;
  scoreRequired: (min: number, max: number) => string;
  comment: string;
  optional: string;
  counter: (used: number, max: number) => string;
  tooLong: (max: number) => string;
  send: string;
  sending: string;
  dismiss: string;
  /** Announced when the shopper dismisses the survey (it is gone from the page). */
  dismissed: string;
  thanks: string;
  /** Kept in the outbox, to be sent when the network is back. */
  queued: string;
  /** The server's frequency cap refused the answer (429): already answered recently. */
  capped: string;
  /** The server refused the answer for another reason: why (a common reason clause). */
  refused: (reason: string) => string;
  /** No eligibility answer because the network is down: the survey shows, the answer waits. */
  offline: string;
}
