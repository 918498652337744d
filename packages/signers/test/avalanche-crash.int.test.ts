import { fileURLToPath } from 'node:url';
import { vi } from 'vitest';
import { describeCrashSafety } from '@fiscus/engine/testing';
import { signerAddress } from '@fiscus/chain-evm';
import { AvalancheDriver, buildSubnetEvmGenesis, ensureAvalancheInfrastructure, platformL1Config } from '@fiscus/chain-avalanche';
import { startSubnetEvm } from '@fiscus/devnet';
import { Wallet } from 'ethers';
import { Pkcs11Token, pkcs11Signer } from '../src/index.ts';
import { tempToken } from './support/softhsm.ts';

// As chain-avalanche's crash test: each case starts two worker processes (tsx start-up each) and
// deploys a fund on the L1, which on the shared 2-core machine can pass the default 60 s.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

const CHAIN_ID = 43_199n;
const E18 = 10n ** 18n;

/**
 * The engine's crash-safety suite on the Subnet-EVM stand-in with the L1's platform keys (admin,
 * operator, claim issuer, allow-list admin) in a SoftHSM2 token, allow-listed in the genesis:
 * worker processes killed at each step find the keys again by label and never sign twice.
 */
describeCrashSafety('avalanche (T-REX on the Subnet-EVM stand-in), keys in a PKCS#11 token', async () => {
  const hsm = tempToken('fiscus-avalanche-crash');
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
  const topUp = { amount: E18, threshold: E18 / 10n };
  const driver = new AvalancheDriver({ chainId: CHAIN_ID, url: node.url, ...signers, infrastructure, topUp });
  return {
    chain: driver.chain,
    driver,
    newAddress: () => Wallet.createRandom().address,
    childDriverModule: fileURLToPath(new URL('./support/avalanche-hsm-child.ts', import.meta.url)),
    childDriverEnv: {
      SOFTHSM2_CONF: hsm.conf,
      FISCUS_PKCS11_LIBRARY: hsm.options.library,
      FISCUS_PKCS11_TOKEN: hsm.options.tokenLabel!,
      FISCUS_PKCS11_PIN: hsm.options.pin,
      AVALANCHE_RPC_URL: node.url,
      AVALANCHE_CHAIN_ID: CHAIN_ID.toString(),
      AVALANCHE_FINALITY: '0', // the stand-in (anvil) never reorgs unless told to
      AVALANCHE_INFRASTRUCTURE: JSON.stringify(infrastructure),
      AVALANCHE_TOPUP_WEI: topUp.amount.toString(),
      AVALANCHE_TOPUP_THRESHOLD_WEI: topUp.threshold.toString(),
    },
    close: async () => {
      driver.provider.destroy();
      await node.stop();
      await token.close();
      hsm.remove();
    },
  };
});
