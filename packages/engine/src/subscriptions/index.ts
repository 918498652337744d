export { quoteSubscription, type SubscriptionAmount, type SubscriptionQuote } from './quote.ts';
export { requestSubscription, type RequestSubscriptionParams, type SubscriptionRow } from './request.ts';
