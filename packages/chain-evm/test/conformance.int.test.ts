import type { Wallet } from 'ethers';
import { describeDriverConformance } from '@fiscus/core/conformance';
import { startEvmTestDevnet } from './support/devnet.ts';
import { holderTransfer } from './support/holder.ts';

describeDriverConformance('evm (T-REX on anvil)', async () => {
  const devnet = await startEvmTestDevnet();
  // Depth 2 so the finality case observes confirmed-but-not-final; small pages exercise paging.
  const driver = devnet.driver({ confirmations: 2, pageSize: 2 });
  const wallets = new Map<string, Wallet>();
  const fund = { id: 'conformance-fund', name: 'Conformance Treasury', symbol: 'CTF', decimals: 6 };
  // Resolved once here: calling deploy() inside holderTransfer would add reads between the cases' steps.
  const token = (await driver.deploy(fund)).details.token!;
  return {
    driver,
    fund,
    newAddress: () => {
      const w = devnet.investor();
      wallets.set(w.address, w);
      return w.address;
    },
    holderTransfer: async (from, to, units) => {
      await holderTransfer(devnet, driver.provider, token, wallets.get(from)!, to, units);
    },
    advance: (blocks) => devnet.anvil.cheats.mine(blocks).then(() => undefined),
    close: () => devnet.close(),
  };
});
