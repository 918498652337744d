import type { ChainDriver, ChainId, DriverRegistry } from '@fiscus/core';
import type { Db, FundRow, InvestorRow } from '@fiscus/ledger';
import { normalizeFor, requireDriver, requireFund, requireInvestor } from './lookups.ts';

export interface HolderRequest {
  fund: FundRow;
  investor: InvestorRow;
  driver: ChainDriver;
  chain: ChainId;
  /** The address in its canonical form for the chain. */
  address: string;
}

/**
 * What every holder-facing request names (fund, investor, chain, wallet address), resolved and
 * validated in one order so subscriptions, redemptions and wallet registration fail alike.
 */
export async function resolveHolderRequest(
  db: Db,
  drivers: DriverRegistry,
  p: { fundId: string; investorId: string; chain: string; address: string },
): Promise<HolderRequest> {
  const fund = await requireFund(db, p.fundId);
  const investor = await requireInvestor(db, p.investorId);
  const driver = requireDriver(drivers, p.chain);
  return { fund, investor, driver, chain: driver.chain, address: normalizeFor(driver, 'address', p.address) };
}
