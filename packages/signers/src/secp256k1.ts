import { invert, mod } from '@noble/curves/abstract/modular';
import { secp256k1 } from '@noble/curves/secp256k1';
import { SigningKey, hexlify } from 'ethers';

const { ProjectivePoint: Point, CURVE } = secp256k1;
const N = CURVE.n;
const HALF_N = N >> 1n;

const toBig = (b: Uint8Array) => BigInt(hexlify(b));
const to32 = (v: bigint) => Buffer.from(v.toString(16).padStart(64, '0'), 'hex');

// The signer's key never changes: decode its point once, not per signature.
const points = new WeakMap<Uint8Array, InstanceType<typeof Point>>();
function pointOf(publicKey: Uint8Array) {
  let p = points.get(publicKey);
  if (!p) {
    p = Point.fromHex(publicKey);
    points.set(publicKey, p);
  }
  return p;
}

/**
 * Turns a raw ECDSA signature r ‖ s (64 bytes, what CKM_ECDSA returns) of `digest` by the key
 * `publicKey` into the 65-byte r ‖ s ‖ v the core Signer contract promises.
 * - s moves to the lower half of the order (EIP-2: Ethereum refuses high-s; an HSM returns either).
 * - v, the recovery id no HSM returns, is the parity of R's y. R is rebuilt as ECDSA verification
 *   does, R = (z/s)·G + (r/s)·Q: one double multiplication that also checks the signature
 *   (x(R) mod n must equal r), where recovering the key for each candidate v costs one or two.
 *   Computed with the normalized s, R is already the point that recovery id describes.
 * A signature that does not verify is refused rather than returned.
 */
export function toRecoverable(rs: Uint8Array, digest: Uint8Array, publicKey: Uint8Array): Uint8Array {
  if (rs.length !== 64) throw new Error(`ECDSA signature must be 64 bytes r ‖ s, got ${rs.length}`);
  if (digest.length !== 32) throw new Error(`secp256k1 signs a 32-byte digest, got ${digest.length} bytes`);
  const r = toBig(rs.subarray(0, 32));
  let s = toBig(rs.subarray(32));
  if (r === 0n || r >= N || s === 0n || s >= N) throw new Error('ECDSA signature out of range');
  if (s > HALF_N) s = N - s;
  const z = mod(toBig(digest), N);
  const sInv = invert(s, N);
  const R = Point.BASE.multiplyAndAddUnsafe(pointOf(publicKey), mod(z * sInv, N), mod(r * sInv, N))?.toAffine();
  if (!R || mod(R.x, N) !== r) throw new Error('ECDSA signature does not recover to the key that made it');
  // x(R) ≥ n would need recovery id 2 or 3, which Ethereum cannot express (probability ~2^-128).
  if (R.x !== r) throw new Error('ECDSA signature with x(R) ≥ n cannot carry an Ethereum recovery id');
  const out = new Uint8Array(65);
  out.set(to32(r), 0);
  out.set(to32(s), 32);
  out[64] = Number(R.y & 1n);
  return out;
}

/** 33-byte compressed form of a secp256k1 public key (the key id is built from it, as the dev signer does). */
export const compressedHex = (publicKey: Uint8Array) => SigningKey.computePublicKey(hexlify(publicKey), true).slice(2);
