import type { ChainEvent, ChainId, Deployment } from '@fiscus/core';
import type { Db } from '@fiscus/ledger';
import { openTransferRedemption } from '../redemptions/open.ts';
import type { EngineLogger } from '../steps/context.ts';

type Transfer = Extract<ChainEvent, { kind: 'transfer' }>;

/** Whether a transfer goes to the deployment's redemption address (addresses compared case-insensitively). */
export function isToRedemptionAddress(deployment: Deployment, e: Transfer): boolean {
  const target = deployment.details.redemptionAddress;
  return !!target && e.to !== null && e.from !== null && e.to.toLowerCase() === target.toLowerCase();
}

/**
 * An investor's transfer to the redemption address opens a redemption and requests the burn of
 * those units (see redemptions/open.ts). Returns whether a redemption was opened: false for a
 * sender that is no investor of this fund (the units wait at the address for an operator; a
 * warning says so) or for an event (chain, tx hash, index) already recorded.
 */
export async function applyRedemptionTransfer(
  tx: Db,
  t: { fundId: string; deployment: Deployment },
  e: Transfer,
  sender: { walletId: string; investorId: string; inFund: boolean } | undefined,
  logger: EngineLogger,
): Promise<boolean> {
  const where = { chain: t.deployment.chain, txHash: e.txHash, index: e.index, from: e.from, units: e.units.toString() };
  if (!sender?.inFund) {
    logger.warn(where, 'transfer to the redemption address from an unknown address: not redeemed, needs an operator');
    return false;
  }
  const row = await openTransferRedemption(tx, {
    fundId: t.fundId,
    chain: t.deployment.chain as ChainId,
    txHash: e.txHash,
    eventIndex: e.index,
    units: e.units,
    fromAddress: e.from!,
    redemptionAddress: t.deployment.details.redemptionAddress!,
    investorId: sender.investorId,
    walletId: sender.walletId,
  });
  if (!row) {
    logger.warn(where, 'redemption for this event already recorded: not applied again');
    return false;
  }
  logger.info({ ...where, redemptionId: row.id, state: row.state }, 'on-chain redemption received at the redemption address');
  return true;
}
