import { allowTrust, setTrustLineFlags } from './trust-flags.ts';
import { beginSponsoringFutureReserves, endSponsoringFutureReserves } from './sponsoring.ts';
import { bumpSequence } from './bump-sequence.ts';
import { changeTrust } from './change-trust.ts';
import { claimClaimableBalance, clawbackClaimableBalance, createClaimableBalance } from './claimable-balance.ts';
import { clawback } from './clawback.ts';
import type { OpHandler } from './context.ts';
import { createAccount } from './create-account.ts';
import { manageData } from './manage-data.ts';
import { pathPaymentStrictReceive, pathPaymentStrictSend } from './path-payment.ts';
import { payment } from './payment.ts';
import { setOptions } from './set-options.ts';

/** The operations the local ledger applies; any other type fails with op_not_supported. */
export const HANDLERS: Record<string, OpHandler> = {
  createAccount,
  payment,
  changeTrust,
  setOptions,
  setTrustLineFlags,
  allowTrust,
  clawback,
  manageData,
  beginSponsoringFutureReserves,
  endSponsoringFutureReserves,
  bumpSequence,
  pathPaymentStrictReceive,
  pathPaymentStrictSend,
  createClaimableBalance,
  claimClaimableBalance,
  clawbackClaimableBalance,
};

export { BALANCE_ID, RESULT, type ApplyContext, type OpHandler, type Threshold } from './context.ts';
