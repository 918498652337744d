import { createCipheriv, createDecipheriv, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { keccak256 } from 'ethers';
import type { Signer } from '@fiscus/core';
import { ed25519PublicKeyOf, memoryEd25519Signer } from '../memory.ts';
import type { ScryptCost } from './secp256k1.ts';

/**
 * Ed25519 seeds (Stellar keys, the Stellar keyring's master seed) at rest, in Web3 Secret
 * Storage's `crypto` section unchanged — scrypt (N 2^18, r 8, p 1) derives 32 bytes, the first
 * 16 are the aes-128-ctr key over the 32-byte seed, MAC = keccak256(derived[16..32] ‖ ciphertext)
 * — so the cryptography is the reviewed one, only the envelope differs:
 *
 *   { "version": 1, "format": "fiscus-ed25519-seed", "publicKey": "<32 bytes hex>", "crypto": { … } }
 *
 * `publicKey` names the key without unlocking it and is checked after decryption.
 */
export const ED25519_KEYSTORE_FORMAT = 'fiscus-ed25519-seed';

interface Ed25519Keystore {
  version: 1;
  format: typeof ED25519_KEYSTORE_FORMAT;
  publicKey: string;
  crypto: {
    cipher: 'aes-128-ctr';
    cipherparams: { iv: string };
    ciphertext: string;
    kdf: 'scrypt';
    kdfparams: { dklen: 32; n: number; r: number; p: number; salt: string };
    mac: string;
  };
}

const DEFAULT_N = 1 << 18;

function derive(passphrase: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  // NFKC as Web3 Secret Storage implementations do, so one passphrase types the same everywhere.
  const pass = Buffer.from(passphrase.normalize('NFKC'), 'utf8');
  return new Promise((resolve, reject) => scrypt(pass, salt, 32, { N: n, r, p, maxmem: 256 * n * r + (1 << 20) }, (e, key) => (e ? reject(e) : resolve(key))));
}

const mac = (dk: Buffer, ciphertext: Buffer) => Buffer.from(keccak256(Buffer.concat([dk.subarray(16, 32), ciphertext])).slice(2), 'hex');

export async function encryptEd25519Keystore(seed: Uint8Array, passphrase: string, cost: ScryptCost = {}): Promise<string> {
  if (seed.length !== 32) throw new Error(`ed25519 seed must be 32 bytes, got ${seed.length}`);
  const n = cost.N ?? DEFAULT_N;
  const salt = randomBytes(32);
  const iv = randomBytes(16);
  const dk = await derive(passphrase, salt, n, 8, 1);
  const c = createCipheriv('aes-128-ctr', dk.subarray(0, 16), iv);
  const ciphertext = Buffer.concat([c.update(seed), c.final()]);
  const file: Ed25519Keystore = {
    version: 1,
    format: ED25519_KEYSTORE_FORMAT,
    publicKey: Buffer.from(ed25519PublicKeyOf(seed)).toString('hex'),
    crypto: {
      cipher: 'aes-128-ctr',
      cipherparams: { iv: iv.toString('hex') },
      ciphertext: ciphertext.toString('hex'),
      kdf: 'scrypt',
      kdfparams: { dklen: 32, n, r: 8, p: 1, salt: salt.toString('hex') },
      mac: mac(dk, ciphertext).toString('hex'),
    },
  };
  return JSON.stringify(file, null, 2);
}

/** Decrypts the seed; a wrong passphrase or an altered file fails on the MAC. */
export async function decryptEd25519Keystore(json: string, passphrase: string): Promise<Uint8Array> {
  const f = JSON.parse(json) as Partial<Ed25519Keystore>;
  if (f.format !== ED25519_KEYSTORE_FORMAT || f.version !== 1 || !f.crypto) throw new Error(`not a ${ED25519_KEYSTORE_FORMAT} keystore (version 1)`);
  const { crypto: k } = f;
  if (k.cipher !== 'aes-128-ctr' || k.kdf !== 'scrypt' || k.kdfparams.dklen !== 32) throw new Error('keystore: only scrypt + aes-128-ctr is supported');
  const ciphertext = Buffer.from(k.ciphertext, 'hex');
  const dk = await derive(passphrase, Buffer.from(k.kdfparams.salt, 'hex'), k.kdfparams.n, k.kdfparams.r, k.kdfparams.p);
  const want = Buffer.from(k.mac, 'hex');
  const got = mac(dk, ciphertext);
  if (want.length !== got.length || !timingSafeEqual(want, got)) throw new Error('keystore: wrong passphrase (MAC mismatch)');
  const d = createDecipheriv('aes-128-ctr', dk.subarray(0, 16), Buffer.from(k.cipherparams.iv, 'hex'));
  const seed = new Uint8Array(Buffer.concat([d.update(ciphertext), d.final()]));
  if (Buffer.from(ed25519PublicKeyOf(seed)).toString('hex') !== f.publicKey)
    throw new Error("keystore: the decrypted seed does not match the file's publicKey");
  return seed;
}

export async function openEd25519Keystore(json: string, passphrase: string): Promise<Signer> {
  return memoryEd25519Signer(await decryptEd25519Keystore(json, passphrase));
}
