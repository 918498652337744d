import { createHash } from 'node:crypto';
import { Address, secp256k1, utils, type UnsignedTx } from '@avalabs/avalanchejs';
import { SigningKey, hexlify } from 'ethers';
import { FiscusError, type Signer } from '@fiscus/core';

/**
 * Signs avalanchejs transactions through our Signer interface (the key never reaches this code).
 * A P-Chain signature is the 65-byte [r ‖ s ‖ v] secp256k1 signature of sha256(unsigned tx bytes),
 * exactly what a secp256k1 Signer returns for a 32-byte digest.
 */

/** The 20-byte P-Chain short address of a secp256k1 Signer: ripemd160(sha256(compressed key)). */
export function pchainAddress(signer: Signer): Uint8Array {
  if (signer.algorithm !== 'secp256k1') throw new FiscusError('VALIDATION_FAILED', `P-Chain keys are secp256k1, got ${signer.algorithm} (${signer.keyId})`);
  return secp256k1.publicKeyBytesToAddress(compressed(signer));
}

export function pchainBech32(signer: Signer, hrp: string): string {
  return utils.format('P', hrp, pchainAddress(signer));
}

function compressed(signer: Signer): Uint8Array {
  return utils.hexToBuffer(SigningKey.computePublicKey(hexlify(signer.publicKey), true));
}

/**
 * Subnet authorization: avalanchejs only maps *input* owners to credentials, so the subnet
 * owner's address must be mapped to slot 0 of the last (subnet-auth) credential or it stays unsigned.
 */
export function mapSubnetAuth(tx: UnsignedTx, owner: Signer): void {
  tx.addressMaps.push(new utils.AddressMap([[new Address(pchainAddress(owner)), 0]]));
}

export async function signTx(tx: UnsignedTx, signers: Signer[]): Promise<void> {
  const hash = new Uint8Array(createHash('sha256').update(tx.toBytes()).digest());
  const done = new Set<string>();
  for (const s of signers) {
    if (done.has(s.keyId)) continue;
    done.add(s.keyId);
    const coords = tx.getSigIndicesForAddress(new Address(pchainAddress(s)));
    if (!coords?.length) continue;
    const sig = await s.sign(hash);
    if (sig.length !== 65) throw new FiscusError('INTERNAL', `signer ${s.keyId} returned ${sig.length} bytes, expected 65`);
    const back = secp256k1.recoverPublicKey(hash, sig);
    if (utils.bufferToHex(back) !== utils.bufferToHex(compressed(s)))
      throw new FiscusError('INTERNAL', `signature by ${s.keyId} does not recover to its public key`);
    for (const [cred, slot] of coords) tx.addSignatureAt(sig, cred, slot);
  }
  if (!tx.hasAllSignatures()) throw new FiscusError('INTERNAL', 'P-Chain tx is missing signatures (a UTXO or the subnet owned by a key we were not given)');
}
