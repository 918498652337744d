export {
  enableSettlementChain,
  getSettlementChain,
  listSettlementChains,
  listSettlementChainsAll,
  setPayoutsBlocked,
  payoutTargetFor,
  chosenWallet,
  type SettlementChainRow,
  type PayoutTarget,
} from './chains.ts';
export { chainLiquidity, RESERVED_PAYOUT_STATES, type ChainLiquidity } from './liquidity.ts';
export { requestStablecoinPayout, retryHeldPayout, type StablecoinPayoutRow } from './payouts.ts';
export { recordLiquidityMove, type LiquiditySource } from './treasury.ts';
export { reconcileStablecoin, reconcileAllStablecoins, latestStablecoinReconciliations, type StablecoinReconciliationRow } from './reconcile.ts';
export { getDvpQuote, quoteStatus, recordDvpQuote, settleDvpQuote, type QuoteStatus, type SubscriptionQuoteRow } from './quotes.ts';
