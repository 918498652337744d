import { fileURLToPath } from 'node:url';
import type { EngineChainHarness } from '@fiscus/engine/testing';
import { startEvmTestDevnet } from './devnet.ts';

/** The engine test kit's view of an anvil chain; worker children rebuild the driver from env. */
export async function startEvmEngineHarness(): Promise<EngineChainHarness> {
  const devnet = await startEvmTestDevnet();
  const driver = devnet.driver();
  return {
    chain: driver.chain,
    driver,
    newAddress: () => devnet.investor().address,
    childDriverModule: fileURLToPath(new URL('./evm-child.ts', import.meta.url)),
    childDriverEnv: {
      ETHEREUM_RPC_URL: devnet.anvil.url,
      ETHEREUM_CHAIN_ID: devnet.chainId.toString(),
      EVM_FINALITY: '0', // anvil never reorgs unless told to
      EVM_INFRASTRUCTURE: JSON.stringify(devnet.infra),
      EVM_OPERATOR_KEY: devnet.keys.operator,
      EVM_ADMIN_KEY: devnet.keys.admin,
      EVM_CLAIM_KEY: devnet.keys.claim,
    },
    close: () => devnet.close(),
  };
}
