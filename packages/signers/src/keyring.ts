import type { Signer } from '@fiscus/core';
import { pkcs11Signer } from './pkcs11/signer.ts';
import type { Pkcs11Token } from './pkcs11/token.ts';

/**
 * Per-fund Ed25519 keys in a PKCS#11 token, for the Stellar driver (structurally its
 * StellarKeyring: each fund has its own issuing and distribution accounts). The key for a fund
 * and role is labelled `<prefix>/<role>/<fundId>`: generated in the token the first time the fund
 * is deployed, found by that label ever after (restarts, other workers).
 */
export function pkcs11Ed25519Keyring(token: Pkcs11Token, prefix: string): { signer(fundId: string, role: string): Promise<Signer> } {
  const cache = new Map<string, Promise<Signer>>();
  return {
    signer(fundId, role) {
      const label = `${prefix}/${role}/${fundId}`;
      let s = cache.get(label);
      if (!s) {
        s = pkcs11Signer(token, label, 'ed25519', { create: true });
        cache.set(label, s);
        s.catch(() => cache.delete(label));
      }
      return s;
    },
  };
}
