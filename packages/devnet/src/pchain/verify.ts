import { secp256k1, utils, type OutputOwners, type avaxSerial } from '@avalabs/avalanchejs';
import { cb58, sha256, unsignedBytesOf } from './wire.ts';

/**
 * Credential checks as avalanchego's secp256k1fx.Fx.VerifyCredentials does them, with its error
 * messages: the signature count must equal the owner's threshold and the input's sig indices,
 * indices are sorted and unique and point into the owner's addresses, and each 65-byte
 * [r ‖ s ‖ v] signature over sha256(unsigned tx bytes) recovers to the address it claims.
 */

export class TxRejected extends Error {}

// secp256k1 group order; avalanchego refuses high-s (malleable) signatures.
const N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;

export function unsignedHash(tx: avaxSerial.SignedTx): Uint8Array {
  return sha256(unsignedBytesOf(tx));
}

/** Recovers the 20-byte short address that produced `sig` over `hash`. */
export function recoverAddress(hash: Uint8Array, sig: Uint8Array): Uint8Array {
  if (sig.length !== 65) throw new TxRejected(`invalid signature length ${sig.length}`);
  const s = BigInt(utils.bufferToHex(sig.slice(32, 64)));
  if (s > N / 2n) throw new TxRejected('signature s value is not in the lower half of the order');
  let pub: Uint8Array;
  try {
    pub = secp256k1.recoverPublicKey(hash, sig);
  } catch (e) {
    throw new TxRejected(`could not recover public key: ${e instanceof Error ? e.message : String(e)}`);
  }
  return secp256k1.publicKeyBytesToAddress(pub);
}

export function verifyCredentials(hash: Uint8Array, sigIndices: number[], signatures: string[], owner: OutputOwners, nowSec: number): void {
  const n = sigIndices.length;
  const threshold = owner.threshold.value();
  if (owner.locktime.value() > BigInt(nowSec)) throw new TxRejected('output is time locked');
  if (threshold < n) throw new TxRejected('input has more signers than expected');
  if (threshold > n) throw new TxRejected('input has less signers than expected');
  if (n !== signatures.length) throw new TxRejected('input expected a different number of signers than provided in the credential');
  for (let i = 1; i < n; i++) {
    if (sigIndices[i]! <= sigIndices[i - 1]!) throw new TxRejected('signatures not sorted and unique');
  }
  sigIndices.forEach((index, i) => {
    const expected = owner.addrs[index];
    if (!expected) throw new TxRejected('input referenced a nonexistent address in the output');
    const got = recoverAddress(hash, utils.hexToBuffer(signatures[i]!));
    const want = expected.toBytes();
    if (!want.every((v, j) => v === got[j])) {
      throw new TxRejected(`wrong signature: expected signature from ${cb58(want)} but got from ${cb58(got)}`);
    }
  });
}

/** OutputOwners.Verify: threshold ≤ #addrs, a non-zero threshold when there are addresses, addresses sorted and unique. */
export function verifyOwner(owner: { threshold: { value(): number }; addrs?: { toBytes(): Uint8Array }[]; addresses?: { toBytes(): Uint8Array }[] }): void {
  const addrs = (owner.addrs ?? owner.addresses ?? []).map((a) => Buffer.from(a.toBytes()));
  const t = owner.threshold.value();
  if (t > addrs.length) throw new TxRejected('output has more control addresses than threshold');
  if (t === 0 && addrs.length > 0) throw new TxRejected('output has no value and threshold 0');
  for (let i = 1; i < addrs.length; i++) {
    if (Buffer.compare(addrs[i - 1]!, addrs[i]!) >= 0) throw new TxRejected('addresses not sorted and unique');
  }
}
