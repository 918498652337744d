import pkcs11js from 'pkcs11js';
import type { Signer } from '@fiscus/core';
import type { KeyAlgorithm } from '../algorithm.ts';
import { compressedHex, toRecoverable } from '../secp256k1.ts';
import { CKM_EDDSA } from './constants.ts';
import type { Pkcs11Token, TokenKey } from './token.ts';

export interface Pkcs11SignerOptions {
  /** Generate the key in the token when no key has this label (default: refuse, so a typo in a label never makes a new key silently). */
  create?: boolean;
}

/**
 * A core Signer whose private key lives in a PKCS#11 token and is used by handle only. The key
 * is found by its label (so a restart finds it again) or, with `create`, generated in the token.
 */
export async function pkcs11Signer(token: Pkcs11Token, label: string, algorithm: KeyAlgorithm, o: Pkcs11SignerOptions = {}): Promise<Signer> {
  let key = await token.findKey(label);
  if (!key) {
    if (!o.create) throw new Error(`PKCS#11 token ${token.name} holds no key labelled "${label}" (generate it first: see @fiscus/signers README)`);
    key = await token.generateKey(label, algorithm);
  }
  if (key.algorithm !== algorithm) throw new Error(`PKCS#11 key "${label}" is ${key.algorithm}, expected ${algorithm}`);
  return signerFor(token, key);
}

/** Wraps a key already found in the token. */
export function signerFor(token: Pkcs11Token, key: TokenKey): Signer {
  if (key.algorithm === 'ed25519') {
    return Object.freeze({
      keyId: `pkcs11:${key.label}:ed25519:${Buffer.from(key.publicKey).toString('hex')}`,
      algorithm: 'ed25519' as const,
      publicKey: key.publicKey,
      // Pure EdDSA (no params = Ed25519, not Ed25519ph): the message itself is signed.
      sign: async (payload: Uint8Array) => new Uint8Array(await token.sign(key, CKM_EDDSA, payload)),
    });
  }
  return Object.freeze({
    keyId: `pkcs11:${key.label}:secp256k1:${compressedHex(key.publicKey)}`,
    algorithm: 'secp256k1' as const,
    publicKey: key.publicKey,
    sign: async (digest: Uint8Array) => {
      if (digest.length !== 32) throw new Error(`secp256k1 signs a 32-byte digest, got ${digest.length} bytes`);
      // CKM_ECDSA signs the given hash as is (no hashing in the token) and returns r ‖ s.
      const rs = await token.sign(key, pkcs11js.CKM_ECDSA, digest);
      return toRecoverable(rs, digest, key.publicKey);
    },
  });
}
