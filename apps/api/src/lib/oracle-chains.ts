import type { ChainId, DriverRegistry } from '@fiscus/core';
import { listDeployments, type Db } from '@fiscus/ledger';

/**
 * Chains where the fund's NAV and attestation hash are mirrored: active deployments whose driver
 * has a NAV feed (EVM chains, Stellar data entries). memchain and unconfigured chains are skipped,
 * so publishing never creates operations that can only fail.
 */
export async function oracleChains(db: Db, drivers: DriverRegistry, fundId: string): Promise<ChainId[]> {
  const out: ChainId[] = [];
  for (const row of await listDeployments(db, { fundId })) {
    const driver = drivers.get(row.chain);
    if (row.status === 'active' && driver?.capabilities.navFeed === true) out.push(driver.chain);
  }
  return out;
}
