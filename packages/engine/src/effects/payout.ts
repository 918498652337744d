import type { PayoutOperation } from '@fiscus/core';
import { FiscusError } from '@fiscus/core';
import type { Db } from '@fiscus/ledger';
import type { OperationRow } from '../rows.ts';

/**
 * Books a landed stablecoin payout (issue 12). Until the settlement books exist no payout
 * operation can be requested, so reaching here is a programming error, loudly.
 */
export async function applyPayoutPosted(_tx: Db, op: OperationRow, _body: PayoutOperation): Promise<void> {
  throw new FiscusError('INTERNAL', `payout ${op.id} has no booking yet`);
}

export async function applyPayoutFailed(_tx: Db, _op: OperationRow, _body: PayoutOperation): Promise<void> {}
