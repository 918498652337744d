import { fileURLToPath } from 'node:url';
import { vi } from 'vitest';
import { describeCrashSafety } from '@fiscus/engine/testing';
import { AvalancheDriver } from '@fiscus/chain-avalanche';
import { Wallet } from 'ethers';
import { L1_CHAIN_ID, startHsmL1 } from './support/avalanche-hsm.ts';

// As chain-avalanche's crash test: each case starts two worker processes (tsx start-up each) and
// deploys a fund on the L1, which on the shared 2-core machine can pass the default 60 s.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

const E18 = 10n ** 18n;

/**
 * The engine's crash-safety suite on the Subnet-EVM stand-in with the L1's platform keys (admin,
 * operator, claim issuer, allow-list admin) in a SoftHSM2 token, allow-listed in the genesis:
 * worker processes killed at each step find the keys again by label and never sign twice.
 */
describeCrashSafety('avalanche (T-REX on the Subnet-EVM stand-in), keys in a PKCS#11 token', async () => {
  const { hsm, signers, node, infrastructure, stop } = await startHsmL1('fiscus-avalanche-crash');
  const topUp = { amount: E18, threshold: E18 / 10n };
  const driver = new AvalancheDriver({ chainId: L1_CHAIN_ID, url: node.url, ...signers, infrastructure, topUp });
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
      AVALANCHE_CHAIN_ID: L1_CHAIN_ID.toString(),
      AVALANCHE_FINALITY: '0', // the stand-in (anvil) never reorgs unless told to
      AVALANCHE_INFRASTRUCTURE: JSON.stringify(infrastructure),
      AVALANCHE_TOPUP_WEI: topUp.amount.toString(),
      AVALANCHE_TOPUP_THRESHOLD_WEI: topUp.threshold.toString(),
    },
    close: async () => {
      driver.provider.destroy();
      await stop();
    },
  };
});
