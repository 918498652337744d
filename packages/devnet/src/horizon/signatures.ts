import { Keypair, type xdr } from '@stellar/stellar-sdk';
import type { AccountEntry } from './state.ts';
import type { Threshold } from './ops/index.ts';

/**
 * stellar-core SignatureChecker: an account is authorised when the weights of its signers
 * (master key + ed25519 signers) whose signatures are present reach the needed threshold;
 * a zero threshold still needs one signer of non-zero weight. Every signature must be used
 * by some check, otherwise the transaction is tx_bad_auth_extra.
 */
export class SignatureChecker {
  readonly #used: boolean[];
  readonly #verified = new Map<string, boolean>();

  constructor(
    private readonly hash: Uint8Array,
    private readonly signatures: xdr.DecoratedSignature[],
  ) {
    this.#used = signatures.map(() => false);
  }

  /** `account` undefined: an account created earlier in the same transaction; its key signs. */
  check(accountId: string, account: AccountEntry | undefined, level: Threshold): boolean {
    const signers = account ? [{ key: account.id, weight: account.masterWeight }, ...account.signers] : [{ key: accountId, weight: 1 }];
    const needed = Math.max(account ? account.thresholds[level] : 0, 1);
    let total = 0;
    for (const s of signers) {
      if (s.weight <= 0) continue;
      const i = this.#find(s.key);
      if (i < 0) continue;
      this.#used[i] = true;
      total += Math.min(s.weight, 255);
      if (total >= needed) return true;
    }
    return false;
  }

  allUsed(): boolean {
    return this.#used.every(Boolean);
  }

  #find(key: string): number {
    const kp = Keypair.fromPublicKey(key);
    const hint = Buffer.from(kp.signatureHint());
    return this.signatures.findIndex((sig, i) => {
      if (!Buffer.from(sig.hint.toBytes()).equals(hint)) return false;
      const id = `${i}:${key}`;
      if (!this.#verified.has(id)) this.#verified.set(id, kp.verify(Buffer.from(this.hash), Buffer.from(sig.signature.toBytes())));
      return this.#verified.get(id)!;
    });
  }
}
