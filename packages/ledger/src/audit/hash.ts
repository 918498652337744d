import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { bigintReplacer } from '@fiscus/core';

/** prevHash of the first row: the chain starts from 64 zeros. */
export const GENESIS_HASH = '0'.repeat(64);

export interface AuditContent {
  seq: bigint;
  at: Date;
  actor: string;
  action: string;
  subject: string;
  data: Record<string, unknown>;
}

/**
 * hash = sha256_hex(prevHash ‖ JCS(content)), JCS = RFC 8785 canonical JSON, so an auditor can
 * recompute it in any language. `seq` is hashed as a decimal string (JSON numbers stop being
 * exact at 2^53); `at` as its ISO-8601 string with milliseconds.
 */
export function auditHash(prevHash: string, c: AuditContent): string {
  const body = canonicalize({
    seq: c.seq.toString(),
    at: c.at.toISOString(),
    actor: c.actor,
    action: c.action,
    subject: c.subject,
    data: c.data,
  });
  if (body === undefined) throw new Error('audit content is not serialisable');
  return createHash('sha256')
    .update(prevHash + body, 'utf8')
    .digest('hex');
}

/**
 * What jsonb will give back: plain JSON (undefined dropped, bigint as decimal string, Dates as
 * ISO strings). Hashing this form, not the caller's object, is what makes verification possible.
 */
export function normaliseData(data: Record<string, unknown> | undefined): Record<string, unknown> {
  const text = JSON.stringify(data ?? {}, bigintReplacer);
  const parsed: unknown = JSON.parse(text);
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new TypeError('audit data must be an object');
  return parsed as Record<string, unknown>;
}
