import { fileURLToPath } from 'node:url';
import type { EngineChainHarness } from '@fiscus/engine/testing';
import { driverEnv, LOCAL_CHAIN, LocalNetwork } from './local-network.ts';

/**
 * The engine suites on the local ledger. The engine deploys funds itself (through the driver),
 * so the harness watches deploy() to know which asset new investors must trust.
 */
export async function startStellarHarness(): Promise<EngineChainHarness & { net: LocalNetwork }> {
  const net = await LocalNetwork.start();
  const inner = net.driver();
  const driver = net.recordingDeploys(inner);
  return {
    net,
    chain: LOCAL_CHAIN,
    driver,
    newAddress: () => net.newInvestor(),
    childDriverModule: fileURLToPath(new URL('./stellar-child.ts', import.meta.url)),
    childDriverEnv: driverEnv(net.horizon, net.seed),
    close: () => net.close(),
  };
}
