import { stablecoinSettlementOf } from '@fiscus/core';
import { describePayoutCrashSafety } from '../src/testing/index.ts';
import { startMemchainHarness } from './support/memchain.ts';

describePayoutCrashSafety('memchain', async () => {
  const h = await startMemchainHarness();
  return {
    ...h,
    fundTreasury: async (deployment, usd) => h.server.usdc.mint(stablecoinSettlementOf(h.driver)!.treasuryAddress(deployment), usd),
  };
});
