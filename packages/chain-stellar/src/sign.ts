import type { FeeBumpTransaction, Transaction } from '@stellar/stellar-sdk';
import type { Signer } from '@fiscus/core';
import { accountIdOf } from './keys.ts';

/** Adds a Signer's signature over the transaction hash (the Signer never hands out its key). */
export async function signWith(tx: Transaction | FeeBumpTransaction, signer: Signer): Promise<void> {
  if (signer.algorithm !== 'ed25519') throw new Error(`Stellar needs an ed25519 signer, got ${signer.algorithm}`);
  const signature = await signer.sign(new Uint8Array(tx.hash()));
  tx.addSignature(accountIdOf(signer), Buffer.from(signature).toString('base64'));
}
