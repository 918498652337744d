import { createPrivateKey, createPublicKey, randomBytes, sign } from 'node:crypto';
import type { Signer } from '@fiscus/core';

/**
 * Local ed25519 keys for devnets and tests ONLY. Production signers come from the keystore
 * (or a KMS later); a raw seed in memory is exactly what the platform must never do with real keys.
 */

// DER prefixes that turn a raw 32-byte seed / public key into PKCS#8 / SPKI, the only raw
// import formats node:crypto accepts for ed25519.
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export function ed25519Signer(seed: Uint8Array = randomBytes(32)): Signer & { seed: Uint8Array } {
  if (seed.length !== 32) throw new Error(`ed25519 seed must be 32 bytes, got ${seed.length}`);
  const privateKey = createPrivateKey({
    key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]),
    format: 'der',
    type: 'pkcs8',
  });
  const spki = createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
  const publicKey = new Uint8Array(spki.subarray(SPKI_ED25519_PREFIX.length));
  return {
    keyId: `ed25519:${Buffer.from(publicKey).toString('hex')}`,
    algorithm: 'ed25519',
    publicKey,
    seed: new Uint8Array(seed),
    // ed25519 signs the message itself (no pre-hash), hence the null digest.
    sign: async (payload) => new Uint8Array(sign(null, payload, privateKey)),
  };
}

/** Imports a raw 32-byte ed25519 public key for crypto.verify. */
export function ed25519PublicKey(raw: Uint8Array) {
  return createPublicKey({ key: Buffer.concat([SPKI_ED25519_PREFIX, raw]), format: 'der', type: 'spki' });
}
