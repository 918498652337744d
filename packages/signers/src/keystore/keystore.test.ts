import { verify } from 'node:crypto';
import { Keypair, StrKey } from '@stellar/stellar-sdk';
import { Signature, Wallet, randomBytes, recoverAddress, hexlify, computeAddress, encryptKeystoreJson } from 'ethers';
import { describe, expect, it } from 'vitest';
import { ed25519Spki } from '../memory.ts';
import { decryptEd25519Keystore, encryptEd25519Keystore, openEd25519Keystore } from './ed25519.ts';
import { encryptSecp256k1Keystore, openSecp256k1Keystore } from './secp256k1.ts';

// Low scrypt cost keeps the suite fast; the format and the code path are the production ones.
const FAST = { N: 1 << 10 };

describe('secp256k1 keystore (Web3 Secret Storage v3)', () => {
  const key = Wallet.createRandom().privateKey;

  it('round-trips, and ethers reads what we write (and the reverse)', async () => {
    const json = await encryptSecp256k1Keystore(key, 'correct horse', FAST);
    expect(JSON.parse(json)).toMatchObject({ version: 3, Crypto: { cipher: 'aes-128-ctr', kdf: 'scrypt' } });
    expect(json).not.toContain(key.slice(2));
    expect((await Wallet.fromEncryptedJson(json, 'correct horse')).privateKey).toBe(key);
    const theirs = await encryptKeystoreJson({ address: new Wallet(key).address, privateKey: key }, 'pw', { scrypt: { N: 1 << 10 } });
    const signer = await openSecp256k1Keystore(theirs, 'pw');
    const digest = randomBytes(32);
    const sig = await signer.sign(digest);
    const s = Signature.from({ r: hexlify(sig.subarray(0, 32)), s: hexlify(sig.subarray(32, 64)), v: 27 + sig[64]! });
    expect(recoverAddress(digest, s)).toBe(new Wallet(key).address);
    expect(computeAddress(hexlify(signer.publicKey))).toBe(new Wallet(key).address);
    expect(Object.keys(signer).sort()).toEqual(['algorithm', 'keyId', 'publicKey', 'sign']);
  });

  it('refuses a wrong passphrase', async () => {
    const json = await encryptSecp256k1Keystore(key, 'right', FAST);
    await expect(openSecp256k1Keystore(json, 'wrong')).rejects.toThrow(/password/i);
  });
});

describe('Ed25519 seed keystore (scrypt + aes-128-ctr + keccak MAC)', () => {
  const seed = new Uint8Array(randomBytes(32));

  it('round-trips; the signer signs as the Stellar keypair of that seed', async () => {
    const json = await encryptEd25519Keystore(seed, 'pässwörd', FAST);
    const f = JSON.parse(json);
    expect(f).toMatchObject({
      version: 1,
      format: 'fiscus-ed25519-seed',
      crypto: { cipher: 'aes-128-ctr', kdf: 'scrypt', kdfparams: { n: 1024, r: 8, p: 1, dklen: 32 } },
    });
    expect(json).not.toContain(Buffer.from(seed).toString('hex'));
    const kp = Keypair.fromRawEd25519Seed(Buffer.from(seed));
    expect(StrKey.encodeEd25519PublicKey(Buffer.from(f.publicKey, 'hex'))).toBe(kp.publicKey());
    // NFKC: the composed and decomposed spellings of the passphrase are the same passphrase.
    expect(await decryptEd25519Keystore(json, 'pa\u0308sswo\u0308rd')).toEqual(seed);
    const signer = await openEd25519Keystore(json, 'pässwörd');
    const msg = randomBytes(32);
    const sig = await signer.sign(msg);
    expect(Buffer.from(sig)).toEqual(Buffer.from(kp.sign(Buffer.from(msg))));
    expect(verify(null, msg, ed25519Spki(signer.publicKey), sig)).toBe(true);
  });

  it('refuses a wrong passphrase and a tampered file', async () => {
    const json = await encryptEd25519Keystore(seed, 'right', FAST);
    await expect(decryptEd25519Keystore(json, 'wrong')).rejects.toThrow(/wrong passphrase/);
    const f = JSON.parse(json);
    f.crypto.ciphertext = `${f.crypto.ciphertext.slice(0, -2)}${f.crypto.ciphertext.endsWith('00') ? '01' : '00'}`;
    await expect(decryptEd25519Keystore(JSON.stringify(f), 'right')).rejects.toThrow(/MAC mismatch/);
    await expect(decryptEd25519Keystore(JSON.stringify({ version: 3 }), 'right')).rejects.toThrow(/not a fiscus-ed25519-seed keystore/);
  });
});
