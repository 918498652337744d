import { fileURLToPath } from 'node:url';
import { vi } from 'vitest';
import { describeCrashSafety } from '@fiscus/engine/testing';
import { HOME_DOMAIN, LOCAL_CHAIN, LocalNetwork } from '../../chain-stellar/test/support/local-network.ts';
import { fromDeployment } from '@fiscus/chain-stellar';
import { Pkcs11Token, pkcs11Ed25519Keyring } from '../src/index.ts';
import { tempToken } from './support/softhsm.ts';
import { STELLAR_KEYRING_PREFIX } from './support/stellar-hsm-child.ts';

// Each case starts two worker processes (tsx and the Stellar SDK load in each: ~5 s on a quiet
// machine) that open the token; on a loaded 2-core CI machine a case passed the default 60 s.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

/**
 * The engine's crash-safety suite on the local Stellar ledger with role keys (leastPrivilege): each
 * fund's issuing (admin), distribution, minting, compliance and oracle keys are generated in a
 * SoftHSM2 token by the PKCS#11 keyring at deploy, so the mint is sourced and signed by the minting
 * key's role account. Worker processes killed at each step find the keys again by label and never
 * sign twice.
 */
describeCrashSafety('stellar (local ledger, role keys), keys in a PKCS#11 token', async () => {
  const hsm = tempToken('fiscus-stellar-crash');
  const token = Pkcs11Token.open(hsm.options);
  const net = await LocalNetwork.start();
  const inner = net.driver({ keys: pkcs11Ed25519Keyring(token, STELLAR_KEYRING_PREFIX), leastPrivilege: true });
  // The engine deploys each case's fund itself: watch deploy() to know which asset investors must trust.
  const driver = net.recordingDeploys(inner, (d, fund) => {
    if (!fromDeployment(d).roles) throw new Error(`fund ${fund.id} was deployed without role accounts`);
  });
  return {
    chain: LOCAL_CHAIN,
    driver,
    newAddress: () => net.newInvestor(),
    childDriverModule: fileURLToPath(new URL('./support/stellar-hsm-child.ts', import.meta.url)),
    // No keyring seed: the children have no key but the token's.
    childDriverEnv: {
      SOFTHSM2_CONF: hsm.conf,
      FISCUS_PKCS11_LIBRARY: hsm.options.library,
      FISCUS_PKCS11_TOKEN: hsm.options.tokenLabel!,
      FISCUS_PKCS11_PIN: hsm.options.pin,
      STELLAR_CHAIN: LOCAL_CHAIN,
      STELLAR_HORIZON_URL: net.horizon.url,
      STELLAR_PASSPHRASE: net.horizon.ledger.passphrase,
      STELLAR_HOME_DOMAIN: HOME_DOMAIN,
      STELLAR_ROLE_KEYS: 'on',
    },
    close: async () => {
      await net.close();
      await token.close();
      hsm.remove();
    },
  };
});
