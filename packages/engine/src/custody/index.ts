export { TBILL_INCOME, externalAccount } from './accounts.ts';
export { parseCusip, isValidCusip, cusipCheckDigit } from './cusip.ts';
export { purchaseLot, matureLot, rollLot, type LotSpec, type LotRow } from './lots.ts';
export { recordCashMovement, type CashMovement, type CashMovementRow } from './cash.ts';
export { custodyHoldings, cashBalances, type Holdings } from './views.ts';
