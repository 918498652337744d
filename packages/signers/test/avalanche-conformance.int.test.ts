import { Wallet } from 'ethers';
import { describeDriverConformance } from '@fiscus/core/conformance';
import { AdminSender, devSecp256k1Signer, evmAbi, signerAddress } from '@fiscus/chain-evm';
import { AvalancheDriver, buildSubnetEvmGenesis, ensureAvalancheInfrastructure, platformL1Config } from '@fiscus/chain-avalanche';
import { startSubnetEvm } from '@fiscus/devnet';
import { Pkcs11Token, pkcs11Signer } from '../src/index.ts';
import { tempToken } from './support/softhsm.ts';

const CHAIN_ID = 43_199n;
const E18 = 10n ** 18n;

/**
 * The driver conformance suite on the Subnet-EVM stand-in with the L1's platform keys (admin,
 * operator, claim issuer, allow-list admin) generated in a SoftHSM2 token; the genesis allow-lists
 * the token's addresses, as an L1 provisioned for HSM keys would.
 */
describeDriverConformance('avalanche (T-REX on the Subnet-EVM stand-in), keys in a PKCS#11 token', async () => {
  const hsm = tempToken('fiscus-avalanche-conformance');
  const token = Pkcs11Token.open(hsm.options);
  const key = (label: string) => pkcs11Signer(token, label, 'secp256k1', { create: true });
  const signers = {
    admin: await key('l1-admin'),
    operator: await key('l1-operator'),
    claimSigner: await key('l1-claim'),
    allowListAdmin: await key('l1-allowlist-admin'),
  };
  const genesis = buildSubnetEvmGenesis(
    platformL1Config({
      chainId: Number(CHAIN_ID),
      allowListAdmin: signerAddress(signers.allowListAdmin),
      admin: signerAddress(signers.admin),
      operator: signerAddress(signers.operator),
    }),
  );
  const node = await startSubnetEvm({ genesis });
  const infrastructure = await ensureAvalancheInfrastructure({ url: node.url, chainId: CHAIN_ID, ...signers });
  const driver = new AvalancheDriver({
    chainId: CHAIN_ID,
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
      await new AdminSender(driver.provider, devSecp256k1Signer(wallets.get(from)!.privateKey), CHAIN_ID).call(
        tokenAddress,
        evmAbi.token.encodeFunctionData('transfer', [to, units]),
      );
    },
    advance: (blocks) => node.anvil.cheats.mine(blocks).then(() => undefined),
    close: async () => {
      driver.provider.destroy();
      await node.stop();
      await token.close();
      hsm.remove();
    },
  };
});
