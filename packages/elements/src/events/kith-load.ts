import type { InteractionPage, LoyaltyAccount, LoyaltyProgram, PublicReviewPage, ReviewAggregate } from '@kith/schema';
import type { Customer } from '@kith/sdk';

/** `kith-load` of `<kith-customer-card>`: the customer now shown. */
export interface KithCustomerLoadDetail {
  customer: Customer;
}

/** `kith-load` of `<kith-loyalty-badge>`: the account now shown and the program it is read against. */
export interface KithLoyaltyLoadDetail {
  account: LoyaltyAccount;
  program: LoyaltyProgram;
  /** Never set here: lets a listener read `detail.customer` without narrowing first. */
  customer?: never;
}

/** `kith-load` of `<kith-timeline>`: the first page now shown (with the total and the facet counts). */
export interface KithTimelineLoadDetail {
  customerId: string;
  page: InteractionPage;
  customer?: never;
}

/** `kith-load` of `<kith-reviews>`: the star summary and the first page of reviews now shown. */
export interface KithReviewsLoadDetail {
  /** The `product` attribute as given (Kith's id or the shop's own); `aggregate.productId` is Kith's. */
  product: string;
  aggregate: ReviewAggregate;
  page: PublicReviewPage;
  customer?: never;
  /** Never set here: a timeline's listener reads `detail.customerId` without narrowing first. */
  customerId?: never;
}

/** Detail of `kith-load`: the data an element has just received and now shows (one shape per element). */
export type KithLoadEventDetail = KithCustomerLoadDetail | KithLoyaltyLoadDetail | KithTimelineLoadDetail | KithReviewsLoadDetail;

/** Fired when an element's data arrives from the server (not when a property is set). */
export type KithLoadEvent = CustomEvent<KithLoadEventDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'kith-load': KithLoadEvent;
  }
}
