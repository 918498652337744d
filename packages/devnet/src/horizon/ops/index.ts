import { allowTrust, setTrustLineFlags } from './trust-flags.ts';
import { beginSponsoringFutureReserves, endSponsoringFutureReserves } from './sponsoring.ts';
import { changeTrust } from './change-trust.ts';
import { clawback } from './clawback.ts';
import type { OpHandler } from './context.ts';
import { createAccount } from './create-account.ts';
import { manageData } from './manage-data.ts';
import { payment } from './payment.ts';
import { setOptions } from './set-options.ts';

/** The operations the local ledger applies; any other type fails with op_not_supported. */
export const HANDLERS: Record<string, OpHandler> = {
  createAccount, payment, changeTrust, setOptions, setTrustLineFlags, allowTrust, clawback, manageData,
  beginSponsoringFutureReserves, endSponsoringFutureReserves,
};

export type { ApplyContext, OpHandler, Threshold } from './context.ts';
