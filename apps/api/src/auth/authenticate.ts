import type { MiddlewareHandler } from 'hono';
import { FiscusError } from '@fiscus/core';
import { getApiKey } from '@fiscus/ledger';
import type { AppBindings } from '../lib/types.ts';
import { parseApiKey, secretMatches } from './keys.ts';
import { isRole } from './principal.ts';

const unauthenticated = (why: string) => new FiscusError('UNAUTHENTICATED', why, { details: 'Send Authorization: Bearer fsk_<keyId>_<secret>.' });

/**
 * Bearer API key → c.var.principal. Every failure says the same "invalid API key" for a bad
 * id, a revoked key or a wrong secret, so the answer does not reveal which key ids exist.
 * Verified rows are kept for a few seconds (auth/key-cache.ts: the revocation bound).
 */
export const authenticate: MiddlewareHandler<AppBindings> = async (c, next) => {
  const header = c.req.header('authorization');
  if (!header) throw unauthenticated('missing Authorization header');
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  const parsed = match ? parseApiKey(match[1]!) : undefined;
  if (!parsed) throw unauthenticated('malformed API key');
  const cache = c.var.deps.apiKeys;
  const row = cache?.get(parsed.id) ?? (await getApiKey(c.var.deps.db, { id: parsed.id }));
  const ok = row && !row.revokedAt && secretMatches(parsed.secret, row.secretHash) && isRole(row.role);
  if (!ok || !row || !isRole(row.role)) throw unauthenticated('invalid API key');
  cache?.set(row);
  c.set('principal', { keyId: row.id, role: row.role, investorId: row.investorId });
  await next();
};
