import type { Wallet } from 'ethers';
import { describeDriverConformance } from '@fiscus/core/conformance';
import { startAvalancheTestDevnet } from './support/devnet.ts';

// The investor wallets get their gas from the NativeMinter top-up at authorize: the harness never
// funds them, so a holder transfer also proves the allow list + top-up path.
describeDriverConformance('avalanche (T-REX on the Subnet-EVM stand-in)', async () => {
  const devnet = await startAvalancheTestDevnet();
  const driver = devnet.driver({ confirmations: 2, pageSize: 2 });
  const wallets = new Map<string, Wallet>();
  const fund = { id: 'conformance-fund', name: 'Conformance Treasury', symbol: 'CTF', decimals: 6 };
  const token = (await driver.deploy(fund)).details.token!;
  return {
    driver,
    fund,
    newAddress: () => {
      const w = devnet.investor();
      wallets.set(w.address, w);
      return w.address;
    },
    holderTransfer: (from, to, units) => devnet.holderTransfer(driver, token, wallets.get(from)!, to, units),
    advance: (blocks) => devnet.node.anvil.cheats.mine(blocks).then(() => undefined),
    close: () => devnet.close(),
  };
});
