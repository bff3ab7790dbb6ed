// Classes and helpers only: importing this defines no tag. Tags are defined by the entry
// files `@kith/elements/provider.js`, `@kith/elements/customer-card.js`,
// `@kith/elements/loyalty-badge.js`, `@kith/elements/timeline.js`, `@kith/elements/pipeline.js`, `@kith/elements/feedback.js`,
// `@kith/elements/reviews.js`, `@kith/elements/rating.js`, `@kith/elements/feedback-inbox.js`,
// `@kith/elements/survey-results.js` (listed in sideEffects).
export { KithCustomerCard } from './customer-card/customer-card.component.js';
export { KithLoyaltyBadge } from './loyalty-badge/loyalty-badge.component.js';
export { KithTimeline } from './timeline/timeline.component.js';
export { KithPipeline } from './pipeline/pipeline.component.js';
export { KithProvider } from './provider/provider.component.js';
export { KithFeedback } from './feedback/feedback.component.js';
export { KithReviews } from './reviews/reviews.component.js';
export { KithRating } from './rating/rating.component.js';
export { KithFeedbackInbox } from './feedback-inbox/feedback-inbox.component.js';
export { KithFeedbackInboxItem } from './feedback-inbox/inbox-item.component.js';
export { KithSurveyResults } from './survey-results/survey-results.component.js';
export { KithElement } from './internal/kith-element.js';
export type { KithEventDetail, KithEventMap, KithEventName } from './internal/kith-element.js';
export { define } from './internal/define.js';
export { Kith } from './runtime.js';
export type { PageSettings, Theme } from './runtime.js';
export { attachContextRoot, clientContext } from './internal/client-context.js';
export { ResourceController, ResourceStatus } from './internal/resource-controller.js';
export type { ResourceOptions } from './internal/resource-controller.js';
export { LocalizeController, matchLanguage } from './internal/localize-controller.js';
export { TextsController } from './internal/texts-controller.js';
export { formatMoney, currencyDigits } from './internal/format.js';
export { tokens, hostReset } from './styles/tokens.js';
export { LANGUAGES } from './locales/translation.js';
export type { Catalog, Language, Texts } from './locales/translation.js';
export type { CustomerCardTexts } from './customer-card/locales/texts.js';
export type { LoyaltyBadgeTexts } from './loyalty-badge/locales/texts.js';
export type { TimelineTexts } from './timeline/locales/texts.js';
export type { PipelineTexts } from './pipeline/locales/texts.js';
export type { BoardToolsTexts } from './pipeline/locales/tools-texts.js';
export type { TimelineFiltersTexts } from './timeline/locales/filters-texts.js';
export type { TimelineFeedTexts } from './timeline/locales/feed-texts.js';
export type { TimelineWritesTexts } from './timeline/locales/writes-texts.js';
export type { KithCustomerLoadDetail, KithLoadEvent, KithLoadEventDetail, KithLoyaltyLoadDetail, KithTimelineLoadDetail } from './events/kith-load.js';
export type { KithInteractionCreateEvent, KithInteractionCreateEventDetail } from './events/kith-interaction-create.js';
export type { KithErrorEvent, KithErrorEventDetail } from './events/kith-error.js';
export type { KithRedeemEvent, KithRedeemEventDetail } from './events/kith-redeem.js';
export type { KithOpportunityOpenEvent, KithOpportunityOpenEventDetail } from './events/kith-opportunity-open.js';
export type { KithOpportunityMoveEvent, KithOpportunityMoveEventDetail } from './events/kith-opportunity-move.js';
export type { FeedbackTexts } from './feedback/locales/texts.js';
export type { KithFeedbackSubmitEvent, KithFeedbackSubmitEventDetail } from './events/kith-feedback-submit.js';
export type { KithFeedbackDismissEvent, KithFeedbackDismissEventDetail } from './events/kith-feedback-dismiss.js';
export type { FeedbackInboxTexts } from './feedback-inbox/locales/texts.js';
export type { InboxItemTexts } from './feedback-inbox/item-locales/texts.js';
export type { SurveyResultsTexts } from './survey-results/locales/texts.js';
export type { KithInboxActionEvent, KithInboxActionEventDetail } from './events/kith-inbox-action.js';
