import { FiscusError } from '@fiscus/core';
import { appendAudit, countActiveAdmins, getApiKey, listApiKeys, revokeApiKey, type ApiKeyRow } from '@fiscus/ledger';
import { createApiKey } from '../../auth/bootstrap.ts';
import { requireInvestor } from '../../lib/lookups.ts';
import { iso } from '../../lib/schemas.ts';
import type { AppRouteHandler } from '../../lib/types.ts';
import type { CreateRoute, ListRoute, RevokeRoute } from './api-keys.routes.ts';

const present = (k: ApiKeyRow) => ({
  id: k.id,
  role: k.role,
  investorId: k.investorId,
  label: k.label,
  createdAt: iso(k.createdAt)!,
  revokedAt: iso(k.revokedAt),
});

export const create: AppRouteHandler<CreateRoute> = async (c) => {
  const db = c.var.db;
  const { role, investorId, label } = c.req.valid('json');
  if ((role === 'investor') !== (investorId !== undefined)) {
    throw new FiscusError('VALIDATION_FAILED', 'investorId is required for role investor and not allowed for other roles');
  }
  if (investorId) await requireInvestor(db, investorId);
  const { row, token } = await createApiKey(db, { role, investorId, label, actor: c.var.principal.keyId });
  // The secret is shown once: only its hash is stored, so a replay of this request says so instead
  // of repeating it (the idempotency record must not hold a usable key).
  c.set('replayBody', {
    apiKey: present(row),
    key: null,
    note: 'the secret was shown once, in the first response; revoke this key and create another if it was lost',
  });
  return c.json({ apiKey: present(row), key: token }, 201);
};

export const list: AppRouteHandler<ListRoute> = async (c) => {
  return c.json({ items: (await listApiKeys(c.var.db)).map(present) }, 200);
};

export const revoke: AppRouteHandler<RevokeRoute> = async (c) => {
  const db = c.var.db;
  const { keyId } = c.req.valid('param');
  const key = await getApiKey(db, { id: keyId });
  if (!key) throw new FiscusError('NOT_FOUND', `API key ${keyId} not found`);
  // Locking every admin out would leave no one able to create keys again.
  if (key.role === 'issuer-admin' && !key.revokedAt && (await countActiveAdmins(db)) <= 1) {
    throw new FiscusError('CONFLICT', 'cannot revoke the last active issuer-admin key');
  }
  c.var.deps.apiKeys?.forget(keyId);
  const row = (await revokeApiKey(db, { id: keyId }))!;
  await appendAudit(db, { actor: c.var.principal.keyId, action: 'api_key.revoked', subject: keyId, data: {} });
  return c.json(present(row), 200);
};
