import { Signature, SigningKey, Transaction, computeAddress, getBytes, hashMessage, hexlify, keccak256, type TransactionLike } from 'ethers';
import { FiscusError, type Signer } from '@fiscus/core';

/** The EVM address of a secp256k1 Signer (EIP-55 checksummed). */
export function signerAddress(signer: Signer): string {
  if (signer.algorithm !== 'secp256k1') {
    throw new FiscusError('VALIDATION_FAILED', `EVM needs a secp256k1 signer, got ${signer.algorithm} (${signer.keyId})`);
  }
  return computeAddress(hexlify(signer.publicKey));
}

/** Signs a 32-byte digest and checks the signature recovers to the signer (a KMS returning junk fails here). */
async function signDigest(signer: Signer, digest: string): Promise<Signature> {
  const raw = await signer.sign(getBytes(digest));
  if (raw.length !== 65) throw new FiscusError('INTERNAL', `signer ${signer.keyId} returned ${raw.length} bytes, expected 65`);
  const sig = Signature.from({ r: hexlify(raw.slice(0, 32)), s: hexlify(raw.slice(32, 64)), v: 27 + (raw[64]! & 1) });
  if (SigningKey.recoverPublicKey(digest, sig) !== SigningKey.computePublicKey(hexlify(signer.publicKey), false)) {
    throw new FiscusError('INTERNAL', `signature by ${signer.keyId} does not recover to its public key`);
  }
  return sig;
}

/** Builds and signs a transaction; returns the serialized bytes and hash (nothing is sent). */
export async function signTransaction(signer: Signer, fields: TransactionLike<string>): Promise<{ raw: string; hash: string }> {
  const tx = Transaction.from(fields);
  tx.signature = await signDigest(signer, tx.unsignedHash);
  // ethers' `hash` serializes the transaction again; a batch's calldata makes that the costly part.
  const raw = tx.serialized;
  return { raw, hash: keccak256(raw) };
}

/** EIP-191 personal_sign of a 32-byte hash, as ONCHAINID's ClaimIssuer verifies claims. */
export async function personalSignHash(signer: Signer, hash32: string): Promise<string> {
  return (await signDigest(signer, hashMessage(getBytes(hash32)))).serialized;
}
