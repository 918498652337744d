import type { Asset, Transaction } from '@stellar/stellar-sdk';
import type { LedgerState } from '../state.ts';

/** What an operation sees while its transaction is applied. */
export interface ApplyContext {
  state: LedgerState;
  ledger: number;
  closeTime: number;
  /** sponsored account → sponsor, opened by beginSponsoringFutureReserves in this transaction. */
  sponsorships: Map<string, string>;
  /** The (inner) transaction being applied and the index of the operation running now (op ids, balance ids). */
  tx: Transaction;
  opIndex: number;
}

export type Threshold = 'low' | 'med' | 'high';

/**
 * Key of the success arm's payload (wire form) in what `apply` returns, for operations whose
 * success result carries data (path payments' `last`, a new claimable balance's id). Not a
 * Horizon field: apply.ts takes it off before the record is stored.
 */
export const RESULT = Symbol('result');

/** Key of the claimable balance id an operation created or used, for /claimable_balances/:id/operations. */
export const BALANCE_ID = Symbol('balanceId');

/**
 * One operation type, split the way stellar-core splits it: `check` is doCheckValid (stateless;
 * a failure rejects the whole transaction before any fee or sequence is taken), `apply` is
 * doApply (a failure fails the transaction, which still pays its fee and consumes its sequence).
 */
export interface OpHandler<O = any> {
  threshold(op: O): Threshold;
  check(op: O, source: string): void;
  /** Returns the operation's Horizon record fields (and optionally [RESULT]). Throws OpFailure. */
  apply(ctx: ApplyContext, op: O, source: string): Record<string | symbol, unknown>;
  /** Accounts besides the source that Horizon lists this operation under. */
  participants(op: O): string[];
}

/** Horizon's asset fields on operation and balance records. */
export function assetFields(a: Asset): Record<string, string> {
  if (a.isNative()) return { asset_type: 'native' };
  return { asset_type: a.getAssetType(), asset_code: a.getCode(), asset_issuer: issuerOf(a) };
}

export const assetTypeOf = (code: string) => (code.length <= 4 ? 'credit_alphanum4' : 'credit_alphanum12');

/** The SDK types getIssuer() as optional (native has none); credit assets always have one. */
export const issuerOf = (a: Asset): string => a.getIssuer() ?? '';
