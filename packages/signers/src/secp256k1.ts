import { SigningKey, Signature, hexlify } from 'ethers';

/** The secp256k1 group order n. */
const N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;
const HALF_N = N >> 1n;

const toBig = (b: Uint8Array) => BigInt(hexlify(b));
const to32 = (v: bigint) => Buffer.from(v.toString(16).padStart(64, '0'), 'hex');

/**
 * Turns a raw ECDSA signature r ‖ s (64 bytes, what CKM_ECDSA returns) of `digest` by the key
 * `publicKey` into the 65-byte r ‖ s ‖ v the core Signer contract promises: s is moved to the
 * lower half of the order (EIP-2: Ethereum refuses high-s transactions; an HSM picks either), and
 * v, the recovery id an HSM never returns, is found by recovering the public key with each
 * candidate. A signature that recovers to neither is refused rather than returned.
 */
export function toRecoverable(rs: Uint8Array, digest: Uint8Array, publicKey: Uint8Array): Uint8Array {
  if (rs.length !== 64) throw new Error(`ECDSA signature must be 64 bytes r ‖ s, got ${rs.length}`);
  const r = toBig(rs.subarray(0, 32));
  let s = toBig(rs.subarray(32));
  if (r === 0n || r >= N || s === 0n || s >= N) throw new Error('ECDSA signature out of range');
  if (s > HALF_N) s = N - s;
  const want = SigningKey.computePublicKey(hexlify(publicKey), false);
  for (const v of [0, 1] as const) {
    const sig = Signature.from({ r: hexlify(to32(r)), s: hexlify(to32(s)), v: 27 + v });
    if (SigningKey.recoverPublicKey(digest, sig) === want) {
      const out = new Uint8Array(65);
      out.set(to32(r), 0);
      out.set(to32(s), 32);
      out[64] = v;
      return out;
    }
  }
  throw new Error('ECDSA signature does not recover to the key that made it');
}

/** 33-byte compressed form of a secp256k1 public key (the key id is built from it, as the dev signer does). */
export const compressedHex = (publicKey: Uint8Array) => SigningKey.computePublicKey(hexlify(publicKey), true).slice(2);
