import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { newId } from '@fiscus/core';

/**
 * API keys look like `fsk_<keyId>_<secret>`. The key id is public (it is the row id and shows
 * in logs and audit); only sha256(secret) is stored. The secret has no underscore, so the last
 * underscore always separates the two.
 */
export const API_KEY_PREFIX = 'fsk_';
const KEY_ID = /^[A-Za-z0-9_-]{1,64}$/;
const SECRET = /^[A-Za-z0-9-]{16,256}$/;

export interface ParsedApiKey {
  id: string;
  secret: string;
}

export function parseApiKey(token: string): ParsedApiKey | undefined {
  if (!token.startsWith(API_KEY_PREFIX)) return undefined;
  const rest = token.slice(API_KEY_PREFIX.length);
  const cut = rest.lastIndexOf('_');
  if (cut <= 0) return undefined;
  const id = rest.slice(0, cut);
  const secret = rest.slice(cut + 1);
  return KEY_ID.test(id) && SECRET.test(secret) ? { id, secret } : undefined;
}

export const formatApiKey = (k: ParsedApiKey): string => `${API_KEY_PREFIX}${k.id}_${k.secret}`;

/** 32 random bytes as hex: 256 bits, and no underscore. */
export function generateApiKey(): ParsedApiKey & { token: string } {
  const k = { id: newId('key'), secret: randomBytes(32).toString('hex') };
  return { ...k, token: formatApiKey(k) };
}

export const hashSecret = (secret: string): string => createHash('sha256').update(secret, 'utf8').digest('hex');

/** Compares digests, not secrets, in constant time: the timing says nothing about the secret. */
export function secretMatches(secret: string, storedHash: string): boolean {
  const a = Buffer.from(hashSecret(secret), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
