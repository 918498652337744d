import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Webhook signing secrets at rest: AES-256-GCM under a 32-byte key that lives outside the
 * database (FISCUS_WEBHOOK_KEY, or a 0600 file beside the data dir), so a database dump alone
 * cannot sign a forged delivery. Format `v1:<iv>:<tag>:<ciphertext>`, parts base64.
 */

const VERSION = 'v1';

export function encryptSecret(key: Uint8Array, plaintext: string): string {
  assertKey(key);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [VERSION, iv.toString('base64'), cipher.getAuthTag().toString('base64'), ct.toString('base64')].join(':');
}

export function decryptSecret(key: Uint8Array, sealed: string): string {
  assertKey(key);
  const [version, iv, tag, ct] = sealed.split(':');
  if (version !== VERSION || !iv || !tag || ct === undefined) throw new Error('webhook secret: unknown format');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  // A wrong key or a tampered value fails the GCM tag here (never returns garbage).
  return Buffer.concat([decipher.update(Buffer.from(ct, 'base64')), decipher.final()]).toString('utf8');
}

/** A Standard Webhooks secret: `whsec_` + base64 of 32 random bytes. */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

export function webhookKeyFromHex(hex: string): Uint8Array {
  const key = Buffer.from(hex, 'hex');
  assertKey(key);
  return key;
}

/** The key kept in `file` (64 hex, 0600), created on first use so restarts and workers agree. */
export function loadOrCreateWebhookKey(file: string): Uint8Array {
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    try {
      writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e; // another process created it first
    }
  }
  return webhookKeyFromHex(readFileSync(file, 'utf8').trim());
}

function assertKey(key: Uint8Array): void {
  if (key.length !== 32) throw new Error('the webhook key must be 32 bytes (64 hex characters)');
}
