import { FiscusError } from '@fiscus/core';
import { createAttestation, type AttestationKey } from '@fiscus/engine';
import { appendAudit, getLatestAttestation, type AttestationRow } from '@fiscus/ledger';
import { requireFund } from '../../lib/lookups.ts';
import { oracleChains } from '../../lib/oracle-chains.ts';
import { iso } from '../../lib/schemas.ts';
import type { AppDeps, AppRouteHandler } from '../../lib/types.ts';
import { presentOperation } from '../operations/operations.schemas.ts';
import type { CreateRoute, KeysRoute, LatestRoute } from './attestations.routes.ts';

export function attestationKeyOf(deps: AppDeps): AttestationKey {
  if (!deps.attestationKey) throw new FiscusError('INTERNAL', 'no attestation key configured');
  return deps.attestationKey;
}

const present = (a: AttestationRow) => ({
  id: a.id,
  fundId: a.fundId,
  payload: a.payload,
  body: a.body,
  hash: a.hash,
  signature: a.signature,
  keyId: a.keyId,
  ok: a.ok,
  createdBy: a.createdBy,
  createdAt: iso(a.createdAt)!,
});

export const create: AppRouteHandler<CreateRoute> = async (c) => {
  const db = c.var.db;
  const fund = await requireFund(db, c.req.valid('param').fundId);
  const chains = await oracleChains(db, c.var.deps.drivers, fund.id);
  const { attestation, operations } = await createAttestation(db, { fundId: fund.id, key: attestationKeyOf(c.var.deps), by: c.var.principal.keyId, chains });
  await appendAudit(db, { actor: c.var.principal.keyId, action: 'attestation.created', subject: fund.id, data: { id: attestation.id, hash: attestation.hash, ok: attestation.ok, chains } });
  return c.json({ attestation: present(attestation), operations: operations.map((o) => presentOperation(o, fund.decimals)) }, 201);
};

export const latest: AppRouteHandler<LatestRoute> = async (c) => {
  const fund = await requireFund(c.var.db, c.req.valid('param').fundId);
  const row = await getLatestAttestation(c.var.db, { fundId: fund.id });
  if (!row) throw new FiscusError('NOT_FOUND', `fund ${fund.id} has no attestation yet`);
  return c.json(present(row), 200);
};

export const keys: AppRouteHandler<KeysRoute> = async (c) => {
  const k = attestationKeyOf(c.var.deps);
  return c.json({ keys: [{ keyId: k.keyId, algorithm: 'Ed25519' as const, publicKey: k.publicKey }] }, 200);
};
