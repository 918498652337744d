import { SigningKey, Wallet, getBytes, hexlify, randomBytes } from 'ethers';
import { describe, expect, it } from 'vitest';
import { toRecoverable } from './secp256k1.ts';

const N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;
const hex32 = (v: bigint) => getBytes(`0x${v.toString(16).padStart(64, '0')}`);

describe('toRecoverable (an HSM’s r ‖ s → r ‖ s ‖ v)', () => {
  const key = new SigningKey(Wallet.createRandom().privateKey);
  const pub = getBytes(key.publicKey);

  it('keeps low-s signatures and finds the recovery id', () => {
    for (let i = 0; i < 16; i++) {
      const digest = randomBytes(32);
      const sig = key.sign(digest);
      const out = toRecoverable(getBytes(sig.r + sig.s.slice(2)), digest, pub);
      expect(hexlify(out)).toBe(hexlify(new Uint8Array([...getBytes(sig.r), ...getBytes(sig.s), sig.yParity])));
    }
  });

  it('moves a high-s signature to low-s (EIP-2), flipping the recovery id with it', () => {
    const digest = randomBytes(32);
    const sig = key.sign(digest);
    const high = N - BigInt(sig.s);
    const out = toRecoverable(new Uint8Array([...getBytes(sig.r), ...hex32(high)]), digest, pub);
    expect(hexlify(out.subarray(32, 64))).toBe(sig.s);
    expect(out[64]).toBe(sig.yParity);
  });

  it('refuses a signature of another key or of another digest', () => {
    const digest = randomBytes(32);
    const sig = key.sign(digest);
    const rs = getBytes(sig.r + sig.s.slice(2));
    const other = getBytes(new SigningKey(Wallet.createRandom().privateKey).publicKey);
    expect(() => toRecoverable(rs, digest, other)).toThrow(/does not recover/);
    expect(() => toRecoverable(rs, randomBytes(32), pub)).toThrow(/does not recover/);
    expect(() => toRecoverable(rs.subarray(1), digest, pub)).toThrow(/64 bytes/);
  });
});
