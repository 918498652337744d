import { verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ed25519PublicKey, ed25519Signer } from './keys.ts';

describe('ed25519Signer', () => {
  it('derives the same key from the same seed and signs verifiably', async () => {
    const seed = new Uint8Array(32).fill(7);
    const a = ed25519Signer(seed);
    const b = ed25519Signer(seed);
    expect(a.publicKey).toEqual(b.publicKey);
    expect(a.publicKey.length).toBe(32);
    expect(a.keyId).toBe(`ed25519:${Buffer.from(a.publicKey).toString('hex')}`);
    const msg = new TextEncoder().encode('fiscus');
    const sig = await a.sign(msg);
    expect(sig.length).toBe(64);
    expect(verify(null, msg, ed25519PublicKey(a.publicKey), sig)).toBe(true);
    expect(verify(null, new TextEncoder().encode('other'), ed25519PublicKey(a.publicKey), sig)).toBe(false);
  });

  it('matches the RFC 8032 test vector 1', async () => {
    const seed = Buffer.from('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60', 'hex');
    const s = ed25519Signer(seed);
    expect(Buffer.from(s.publicKey).toString('hex')).toBe('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a');
    expect(Buffer.from(await s.sign(new Uint8Array())).toString('hex')).toBe(
      'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b',
    );
  });

  it('gives random keys without a seed and refuses bad seeds', () => {
    expect(ed25519Signer().keyId).not.toBe(ed25519Signer().keyId);
    expect(() => ed25519Signer(new Uint8Array(31))).toThrow(/32 bytes/);
  });
});
