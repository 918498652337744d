import { createPrivateKey, createPublicKey, sign } from 'node:crypto';
import { SigningKey, getBytes, hexlify } from 'ethers';
import type { Signer } from '@fiscus/core';

/**
 * Signers over a key held in this process's memory, for keys unlocked from an encrypted keystore
 * file. The key stays in the closure; only the Signer interface is visible.
 */
export function memorySecp256k1Signer(privateKey: string, keyIdPrefix = 'keystore'): Signer {
  const key = new SigningKey(privateKey);
  return Object.freeze({
    keyId: `${keyIdPrefix}:secp256k1:${key.compressedPublicKey.slice(2)}`,
    algorithm: 'secp256k1' as const,
    publicKey: getBytes(key.compressedPublicKey),
    async sign(digest: Uint8Array) {
      if (digest.length !== 32) throw new Error(`secp256k1 signs a 32-byte digest, got ${digest.length} bytes`);
      const sig = key.sign(digest); // ethers returns canonical low-s and the recovery id
      const out = new Uint8Array(65);
      out.set(getBytes(sig.r), 0);
      out.set(getBytes(sig.s), 32);
      out[64] = sig.yParity;
      return out;
    },
  });
}

// DER prefixes turning a raw 32-byte seed / public key into PKCS#8 / SPKI (node:crypto's only raw ed25519 formats).
const PKCS8_ED25519 = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_ED25519 = Buffer.from('302a300506032b6570032100', 'hex');

export function ed25519PublicKeyOf(seed: Uint8Array): Uint8Array {
  const priv = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519, seed]), format: 'der', type: 'pkcs8' });
  return new Uint8Array(createPublicKey(priv).export({ format: 'der', type: 'spki' }).subarray(SPKI_ED25519.length));
}

export function memoryEd25519Signer(seed: Uint8Array, keyIdPrefix = 'keystore'): Signer {
  if (seed.length !== 32) throw new Error(`ed25519 seed must be 32 bytes, got ${seed.length}`);
  const privateKey = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519, seed]), format: 'der', type: 'pkcs8' });
  const publicKey = ed25519PublicKeyOf(seed);
  return Object.freeze({
    keyId: `${keyIdPrefix}:ed25519:${hexlify(publicKey).slice(2)}`,
    algorithm: 'ed25519' as const,
    publicKey,
    // Ed25519 signs the message itself (no pre-hash): null digest.
    sign: async (payload: Uint8Array) => new Uint8Array(sign(null, payload, privateKey)),
  });
}

/** The SPKI form of a raw Ed25519 public key, for node:crypto verify. */
export const ed25519Spki = (raw: Uint8Array) => createPublicKey({ key: Buffer.concat([SPKI_ED25519, raw]), format: 'der', type: 'spki' });
