import { createHmac } from 'node:crypto';
import { Keypair, StrKey } from '@stellar/stellar-sdk';
import type { KeyRole, Signer } from '@fiscus/core';

/** A fund's accounts, its role keys (roles.ts) and their later generations (`minter@2`, …). */
export type StellarRole = 'issuer' | 'distribution' | KeyRole | `${KeyRole}@${number}`;

/**
 * Where the driver gets its keys. Stellar issues one asset per issuing account (the account's
 * auth flags apply to every asset it issues), so each fund gets its own issuing and
 * distribution accounts. A KMS-backed keyring implements the same interface.
 */
export interface StellarKeyring {
  /** The same fund and role always give the same key. */
  signer(fundId: string, role: StellarRole): Promise<Signer>;
}

/** The G… account id of an ed25519 Signer. */
export const accountIdOf = (s: Signer): string => StrKey.encodeEd25519PublicKey(Buffer.from(s.publicKey));

/**
 * Local keystore for devnet and tests ONLY: keys derived from one master seed with
 * HMAC-SHA256(master, role:fundId), so a worker process given the same seed signs with the same
 * keys. The returned object exposes only the Signer interface; the seed stays in the closure.
 */
export function localStellarKeyring(masterSeed: Uint8Array): StellarKeyring {
  if (masterSeed.length < 32) throw new Error('the keyring master seed must be at least 32 bytes');
  const master = Buffer.from(masterSeed);
  return {
    async signer(fundId, role) {
      const seed = createHmac('sha256', master).update(`${role}:${fundId}`).digest();
      return keypairSigner(Keypair.fromRawEd25519Seed(seed));
    },
  };
}

/** Wraps a Keypair as a core Signer (ed25519 signs the 32-byte transaction hash itself). */
export function keypairSigner(kp: Keypair): Signer {
  return Object.freeze({
    keyId: `stellar:${kp.publicKey()}`,
    algorithm: 'ed25519' as const,
    publicKey: new Uint8Array(kp.rawPublicKey()),
    sign: async (payload: Uint8Array) => new Uint8Array(kp.sign(Buffer.from(payload))),
  });
}
