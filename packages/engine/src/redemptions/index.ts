export { FUND_CAPITAL, SUBSCRIPTION_CASH, currentNavOrThrow, priceRedemption, costForUnits, type PricedNav, type RedemptionPrice } from './pricing.ts';
export { getRedemptionRules, setRedemptionRules, DEFAULT_RULES, type RedemptionRules } from './settings.ts';
export { requestRedemption, openTransferRedemption, priceHolderBurn, type RedemptionRow, type ApiRedemption } from './open.ts';
export { settleRedemptions, utcDay, type SettleResult } from './settle.ts';
export { confirmPayout, type PayoutRow } from './payouts.ts';
export { getRedemption, listRedemptions, paidOnDay, type RedemptionView } from './queries.ts';
export { acceptRedemption } from './accept.ts';
export { enqueueCashRedemption, type CashRedemptionRequest } from './enqueue.ts';
