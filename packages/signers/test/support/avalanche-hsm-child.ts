import type { ChainDriver } from '@fiscus/core';
// config.ts directly: the package index also loads avalanchejs (P-Chain), which a worker child never needs.
import { avalancheDriverFromEnv } from '../../../chain-avalanche/src/config.ts';
import { Pkcs11Token, pkcs11Signer } from '../../src/index.ts';

/**
 * Loaded by the engine's worker child processes (crash-safety suite): the same L1 driver as the
 * test process, its platform keys found by label in the same SoftHSM2 token (SOFTHSM2_CONF is
 * passed on); no AVALANCHE_*_KEY is set.
 */
const env = process.env;
const token = Pkcs11Token.open({ library: env.FISCUS_PKCS11_LIBRARY!, tokenLabel: env.FISCUS_PKCS11_TOKEN!, pin: env.FISCUS_PKCS11_PIN! });
const signers = {
  admin: await pkcs11Signer(token, 'l1-admin', 'secp256k1'),
  operator: await pkcs11Signer(token, 'l1-operator', 'secp256k1'),
  claimSigner: await pkcs11Signer(token, 'l1-claim', 'secp256k1'),
  allowListAdmin: await pkcs11Signer(token, 'l1-allowlist-admin', 'secp256k1'),
};

export function createDriver(e: NodeJS.ProcessEnv): ChainDriver {
  return avalancheDriverFromEnv(e, signers);
}
