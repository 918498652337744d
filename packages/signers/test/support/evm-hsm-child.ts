import type { ChainDriver } from '@fiscus/core';
import { evmDriverFromEnv } from '@fiscus/chain-evm';
import { Pkcs11Token, pkcs11Signer } from '../../src/index.ts';

/**
 * Loaded by the engine's worker child processes (crash-safety suite): the same EVM driver as the
 * test process, its keys found by label in the same SoftHSM2 token (SOFTHSM2_CONF is passed on).
 */
const env = process.env;
const token = Pkcs11Token.open({ library: env.FISCUS_PKCS11_LIBRARY!, tokenLabel: env.FISCUS_PKCS11_TOKEN!, pin: env.FISCUS_PKCS11_PIN! });
const signers = {
  operator: await pkcs11Signer(token, 'evm-operator', 'secp256k1'),
  admin: await pkcs11Signer(token, 'evm-admin', 'secp256k1'),
  claimSigner: await pkcs11Signer(token, 'evm-claim', 'secp256k1'),
};

export function createDriver(e: NodeJS.ProcessEnv): ChainDriver {
  return evmDriverFromEnv(e, signers);
}
