import { SigningKey, Wallet, getBytes, hexlify } from 'ethers';
import type { Signer } from '@fiscus/core';

/**
 * A secp256k1 Signer holding its private key in memory: for devnets and tests ONLY. Production
 * signers come from the keystore (or a KMS); the driver sees nothing but the Signer interface.
 */
export function devSecp256k1Signer(privateKey: string | Uint8Array = Wallet.createRandom().privateKey): Signer {
  const key = new SigningKey(typeof privateKey === 'string' ? privateKey : hexlify(privateKey));
  const publicKey = getBytes(key.compressedPublicKey);
  return {
    keyId: `secp256k1:${key.compressedPublicKey.slice(2)}`,
    algorithm: 'secp256k1',
    publicKey,
    async sign(digest) {
      if (digest.length !== 32) throw new Error(`secp256k1 signs a 32-byte digest, got ${digest.length} bytes`);
      const sig = key.sign(digest);
      const out = new Uint8Array(65);
      out.set(getBytes(sig.r), 0);
      out.set(getBytes(sig.s), 32);
      out[64] = sig.yParity;
      return out;
    },
  };
}
