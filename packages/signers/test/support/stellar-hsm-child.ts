import type { ChainDriver, ChainId, Signer } from '@fiscus/core';
import { StellarDriver } from '@fiscus/chain-stellar';
import { Pkcs11Token, pkcs11Signer } from '../../src/index.ts';

/** The keyring prefix the test process deploys with (labels `<prefix>/<role>/<fundId>`, as pkcs11Ed25519Keyring writes them). */
export const STELLAR_KEYRING_PREFIX = 'fiscus-stellar';

/**
 * Loaded by the engine's worker child processes (crash-safety suite): the same Stellar driver as
 * the test process, role keys on, every fund key (issuer, distribution, minter, compliance, oracle)
 * found by label in the same SoftHSM2 token (SOFTHSM2_CONF is passed on). Find only, never create:
 * a key the child could not find is an error, not a fresh key.
 */
export function createDriver(env: NodeJS.ProcessEnv): ChainDriver {
  const token = Pkcs11Token.open({ library: env.FISCUS_PKCS11_LIBRARY!, tokenLabel: env.FISCUS_PKCS11_TOKEN!, pin: env.FISCUS_PKCS11_PIN! });
  const found = new Map<string, Promise<Signer>>();
  const signer = (fundId: string, role: string) => {
    const label = `${STELLAR_KEYRING_PREFIX}/${role}/${fundId}`;
    let s = found.get(label);
    if (!s) {
      s = pkcs11Signer(token, label, 'ed25519');
      found.set(label, s);
      s.catch(() => found.delete(label));
    }
    return s;
  };
  return new StellarDriver({
    chain: env.STELLAR_CHAIN as ChainId,
    horizonUrl: env.STELLAR_HORIZON_URL!,
    networkPassphrase: env.STELLAR_PASSPHRASE!,
    keys: { signer },
    funding: { kind: 'friendbot', url: `${env.STELLAR_HORIZON_URL}/friendbot` },
    homeDomain: env.STELLAR_HOME_DOMAIN!,
    leastPrivilege: env.STELLAR_ROLE_KEYS === 'on',
  });
}
