import { Wallet } from 'ethers';
import { describeDriverConformance } from '@fiscus/core/conformance';
import { AdminSender, EvmDriver, devSecp256k1Signer, ensureInfrastructure, evmAbi, signerAddress } from '@fiscus/chain-evm';
import { startAnvil } from '@fiscus/devnet';
import { Pkcs11Token, pkcs11Signer } from '../src/index.ts';
import { tempToken } from './support/softhsm.ts';

const ETH = 10n ** 18n;

/**
 * The driver conformance suite with every platform key (admin, operator, claim issuer) generated in
 * a SoftHSM2 token: the EVM driver signs all its transactions and claims through PKCS#11.
 */
describeDriverConformance('evm (T-REX on anvil), keys in a PKCS#11 token', async () => {
  const hsm = tempToken('fiscus-conformance');
  const token = Pkcs11Token.open(hsm.options);
  const [admin, operator, claimSigner] = (await Promise.all(
    ['evm-admin', 'evm-operator', 'evm-claim'].map((label) => pkcs11Signer(token, label, 'secp256k1', { create: true })),
  )) as [Awaited<ReturnType<typeof pkcs11Signer>>, Awaited<ReturnType<typeof pkcs11Signer>>, Awaited<ReturnType<typeof pkcs11Signer>>];
  const chainId = 31_337n;
  const anvil = await startAnvil({ chainId: Number(chainId) });
  for (const s of [admin, operator]) await anvil.cheats.setBalance(signerAddress(s), 1_000n * ETH);
  const infrastructure = await ensureInfrastructure({ url: anvil.url, chainId, admin, operator, claimSigner });
  // Depth 2 so the finality case observes confirmed-but-not-final; small pages exercise paging (as chain-evm's own run).
  const driver = new EvmDriver({ chainId, url: anvil.url, admin, operator, claimSigner, infrastructure, confirmations: 2, pageSize: 2 });
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
    // Investors sign their own transfers with their own (in-memory) keys, as in chain-evm's run.
    holderTransfer: async (from, to, units) => {
      const w = wallets.get(from)!;
      await anvil.cheats.setBalance(w.address, 10n * ETH);
      await new AdminSender(driver.provider, devSecp256k1Signer(w.privateKey), chainId).call(
        tokenAddress,
        evmAbi.token.encodeFunctionData('transfer', [to, units]),
      );
    },
    advance: (blocks) => anvil.cheats.mine(blocks).then(() => undefined),
    close: async () => {
      driver.provider.destroy();
      await anvil.stop();
      await token.close();
      hsm.remove();
    },
  };
});
