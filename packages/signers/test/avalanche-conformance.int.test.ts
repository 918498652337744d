import { Wallet } from 'ethers';
import { describeDriverConformance } from '@fiscus/core/conformance';
import { AdminSender, devSecp256k1Signer, evmAbi } from '@fiscus/chain-evm';
import { AvalancheDriver } from '@fiscus/chain-avalanche';
import { L1_CHAIN_ID, startHsmL1 } from './support/avalanche-hsm.ts';

const E18 = 10n ** 18n;

/**
 * The driver conformance suite on the Subnet-EVM stand-in with the L1's platform keys (admin,
 * operator, claim issuer, allow-list admin) generated in a SoftHSM2 token; the genesis allow-lists
 * the token's addresses, as an L1 provisioned for HSM keys would.
 */
describeDriverConformance('avalanche (T-REX on the Subnet-EVM stand-in), keys in a PKCS#11 token', async () => {
  const { hsm, signers, node, infrastructure, stop } = await startHsmL1('fiscus-avalanche-conformance');
  const driver = new AvalancheDriver({
    chainId: L1_CHAIN_ID,
    url: node.url,
    ...signers,
    infrastructure,
    topUp: { amount: E18, threshold: E18 / 10n },
    confirmations: 2,
    pageSize: 2,
  });
  const wallets = new Map<string, Wallet>();
  const fund = { id: 'conformance-fund', name: 'Conformance Treasury', symbol: 'CTF', decimals: 6 };
  const tokenAddress = (await driver.deploy(fund)).details.token!;
  return {
    driver,
    fund,
    newAddress: () => {
      const w = new Wallet(Wallet.createRandom().privateKey);
      wallets.set(w.address, w);
      return w.address;
    },
    // Investors sign their own transfers (gas from the NativeMinter top-up at authorize), as in chain-avalanche's run.
    holderTransfer: async (from, to, units) => {
      await new AdminSender(driver.provider, devSecp256k1Signer(wallets.get(from)!.privateKey), L1_CHAIN_ID).call(
        tokenAddress,
        evmAbi.token.encodeFunctionData('transfer', [to, units]),
      );
    },
    advance: (blocks) => node.anvil.cheats.mine(blocks).then(() => undefined),
    close: async () => {
      driver.provider.destroy();
      await stop();
    },
  };
});
