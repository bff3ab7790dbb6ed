import type { InteractionChannel } from '@kith/schema';
import type { Texts } from '../../locales/translation.js';

/** The texts of the timeline's filter bar (a chunk of its own, with the bar). */
export interface TimelineFiltersTexts extends Texts {
  /** The filter groups' names, the search field's label and the Clear button. */
  filters: { label: string; channel: string; type: string; phase: string; search: string; clear: string };
  channels: Record<InteractionChannel, string>;
  /** Shown when the filters match nothing. */
  emptyFiltered: string;
}
