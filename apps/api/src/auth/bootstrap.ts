import { sql } from 'drizzle-orm';
import { FiscusError } from '@fiscus/core';
import { appendAudit, countApiKeys, getApiKey, insertApiKey, type ApiKeyRow, type Db } from '@fiscus/ledger';
import { generateApiKey, hashSecret, parseApiKey, secretMatches } from './keys.ts';
import type { Role } from './principal.ts';

/** Advisory lock so two API processes starting together do not both mint a first admin key. */
const BOOTSTRAP_LOCK = 0x6669736b65797300n; // 'fiskeys\0'

export async function createApiKey(
  db: Db,
  p: { role: Role; investorId?: string | null; label?: string | null; actor: string },
): Promise<{ row: ApiKeyRow; token: string }> {
  const key = generateApiKey();
  const row = await insertApiKey(db, {
    id: key.id,
    secretHash: hashSecret(key.secret),
    role: p.role,
    investorId: p.investorId ?? null,
    label: p.label ?? null,
  });
  if (!row) throw new FiscusError('CONFLICT', 'API key id collision; retry');
  // The audit names the key id and role, never the secret.
  await appendAudit(db, {
    actor: p.actor,
    action: 'api_key.created',
    subject: row.id,
    data: { role: p.role, investorId: p.investorId ?? null, label: p.label ?? null },
  });
  return { row, token: key.token };
}

export interface EnsureAdminKeyResult {
  /**
   * 'env': FISCUS_ADMIN_KEY inserted; 'generated': a new key (token set); 'existing': nothing to do;
   * 'env-mismatch': FISCUS_ADMIN_KEY's id exists with ANOTHER secret (the stored key is kept).
   */
  outcome: 'env' | 'generated' | 'existing' | 'env-mismatch';
  keyId?: string;
  token?: string;
}

/**
 * The first admin key. FISCUS_ADMIN_KEY (any `fsk_<id>_<secret>`) is inserted if its id is
 * absent; without it, and only when no key exists at all, one is generated and handed to
 * `print` ONCE (main prints it to stdout, never to the logger).
 */
export async function ensureAdminKey(db: Db, p: { envKey?: string; print: (token: string) => void }): Promise<EnsureAdminKeyResult> {
  const result = await db.transaction(async (tx): Promise<EnsureAdminKeyResult> => {
    await tx.execute(sql`select pg_advisory_xact_lock(${sql.raw(BOOTSTRAP_LOCK.toString())})`);
    if (p.envKey) {
      const parsed = parseApiKey(p.envKey);
      if (!parsed) throw new FiscusError('VALIDATION_FAILED', 'FISCUS_ADMIN_KEY must look like fsk_<keyId>_<secret> (secret: 16+ of A-Z a-z 0-9 -)');
      const stored = await getApiKey(tx, { id: parsed.id });
      if (stored) return { outcome: secretMatches(parsed.secret, stored.secretHash) ? 'existing' : 'env-mismatch', keyId: parsed.id };
      await insertApiKey(tx, { id: parsed.id, secretHash: hashSecret(parsed.secret), role: 'issuer-admin', label: 'FISCUS_ADMIN_KEY' });
      await appendAudit(tx, { actor: 'bootstrap', action: 'api_key.created', subject: parsed.id, data: { role: 'issuer-admin', label: 'FISCUS_ADMIN_KEY' } });
      return { outcome: 'env' as const, keyId: parsed.id };
    }
    if ((await countApiKeys(tx)) > 0) return { outcome: 'existing' as const };
    const { row, token } = await createApiKey(tx, { role: 'issuer-admin', label: 'generated at first start', actor: 'bootstrap' });
    return { outcome: 'generated' as const, keyId: row.id, token };
  });
  // Printed only once it is committed: a key that was rolled back must never be shown.
  if (result.token) p.print(result.token);
  return result;
}
