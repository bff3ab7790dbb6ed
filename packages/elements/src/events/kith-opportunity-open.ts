import type { Opportunity } from '@kith/schema';

/** Detail of `kith-opportunity-open`: the deal a person chose on the board. */
export interface KithOpportunityOpenEventDetail {
  opportunity: Opportunity;
}

/**
 * Fired when a person opens a deal on the board (a click on its title, or Enter on it): the page
 * shows the deal (a dialog, a route). Never fired when a property is set.
 */
export type KithOpportunityOpenEvent = CustomEvent<KithOpportunityOpenEventDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'kith-opportunity-open': KithOpportunityOpenEvent;
  }
}
