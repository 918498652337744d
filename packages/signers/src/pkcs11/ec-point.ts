import type { KeyAlgorithm } from '../algorithm.ts';

const RAW_LENGTH = { secp256k1: 65, ed25519: 32 } as const;

/**
 * CKA_EC_POINT is a DER OCTET STRING around the point (PKCS#11 2.40 §2.3.3; SoftHSM2 does so),
 * though some tokens return the raw point: accept both. secp256k1 points are uncompressed
 * (04 ‖ x ‖ y, 65 bytes); Ed25519 public keys are 32 bytes.
 */
export function decodeEcPoint(value: Uint8Array, algorithm: KeyAlgorithm): Uint8Array {
  const n = RAW_LENGTH[algorithm];
  if (value.length === n + 2 && value[0] === 0x04 && value[1] === n) return new Uint8Array(value.subarray(2));
  if (value.length === n && (algorithm === 'ed25519' || value[0] === 0x04)) return new Uint8Array(value);
  throw new Error(`PKCS#11: unexpected ${algorithm} CKA_EC_POINT of ${value.length} bytes`);
}
