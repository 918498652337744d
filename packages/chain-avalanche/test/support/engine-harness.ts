import { fileURLToPath } from 'node:url';
import type { EngineChainHarness } from '@fiscus/engine/testing';
import { startAvalancheTestDevnet } from './devnet.ts';

/** The engine test kit's view of the L1 stand-in; worker children rebuild the driver from env. */
export async function startAvalancheEngineHarness(): Promise<EngineChainHarness> {
  const devnet = await startAvalancheTestDevnet();
  const driver = devnet.driver();
  return {
    chain: driver.chain,
    driver,
    newAddress: () => devnet.investor().address,
    childDriverModule: fileURLToPath(new URL('./avalanche-child.ts', import.meta.url)),
    childDriverEnv: {
      AVALANCHE_RPC_URL: devnet.node.url,
      AVALANCHE_CHAIN_ID: devnet.chainId.toString(),
      AVALANCHE_FINALITY: '0', // the stand-in (anvil) never reorgs unless told to
      AVALANCHE_INFRASTRUCTURE: JSON.stringify(devnet.infra),
      AVALANCHE_OPERATOR_KEY: devnet.keys.operator,
      AVALANCHE_ADMIN_KEY: devnet.keys.admin,
      AVALANCHE_CLAIM_KEY: devnet.keys.claim,
      AVALANCHE_ALLOWLIST_ADMIN_KEY: devnet.keys.allowListAdmin,
      AVALANCHE_TOPUP_WEI: devnet.topUp.amount.toString(),
      AVALANCHE_TOPUP_THRESHOLD_WEI: devnet.topUp.threshold.toString(),
    },
    close: () => devnet.close(),
  };
}
