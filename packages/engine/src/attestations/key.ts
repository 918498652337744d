import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { FiscusError } from '@fiscus/core';

/**
 * The Ed25519 key that signs proof-of-reserve attestations. Only the public half ever leaves
 * this object: `publicKey` (raw 32 bytes, base64) and `keyId` (first 16 hex of its sha-256).
 */
export interface AttestationKey {
  readonly keyId: string;
  readonly publicKey: string;
  sign(payload: string): string;
}

// PKCS#8 DER prefix of an Ed25519 private key; the 32-byte seed follows it.
const PKCS8_ED25519 = Buffer.from('302e020100300506032b657004220420', 'hex');

function fromPrivate(priv: KeyObject): AttestationKey {
  const raw = createPublicKey(priv).export({ format: 'jwk' }).x!;
  const publicKey = Buffer.from(raw, 'base64url').toString('base64');
  const keyId = createHash('sha256').update(Buffer.from(raw, 'base64url')).digest('hex').slice(0, 16);
  return {
    keyId,
    publicKey,
    sign: (payload) => sign(null, Buffer.from(payload, 'utf8'), priv).toString('base64'),
    // The private key is deliberately not a property: logging or serialising this object leaks nothing.
    toJSON: () => ({ keyId, publicKey }),
  } as AttestationKey;
}

/** From a 32-byte seed as hex or base64 (FISCUS_ATTESTATION_KEY). */
export function attestationKeyFromSeed(text: string): AttestationKey {
  const seed = /^[0-9a-fA-F]{64}$/.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
  if (seed.length !== 32) {
    throw new FiscusError('VALIDATION_FAILED', 'FISCUS_ATTESTATION_KEY must be a 32-byte Ed25519 seed (64 hex chars or base64)');
  }
  return fromPrivate(createPrivateKey({ key: Buffer.concat([PKCS8_ED25519, seed]), format: 'der', type: 'pkcs8' }));
}

export function generateAttestationKey(): AttestationKey {
  return fromPrivate(generateKeyPairSync('ed25519').privateKey);
}

/** Devnet: the seed lives in the data dir (mode 0600), created on first start. */
export function loadOrCreateAttestationKey(file: string): AttestationKey {
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    const seed = generateKeyPairSync('ed25519').privateKey.export({ format: 'der', type: 'pkcs8' }).subarray(PKCS8_ED25519.length);
    try {
      writeFileSync(file, `${Buffer.from(seed).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
    } catch (e) {
      // Another process created it first: use theirs, so every process signs with one key.
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  return attestationKeyFromSeed(readFileSync(file, 'utf8').trim());
}

/** What a verifier does with nothing but the published key. */
export function verifyAttestation(publicKeyBase64: string, payload: string, signatureBase64: string): boolean {
  const x = Buffer.from(publicKeyBase64, 'base64').toString('base64url');
  const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x }, format: 'jwk' });
  return verify(null, Buffer.from(payload, 'utf8'), key, Buffer.from(signatureBase64, 'base64'));
}
