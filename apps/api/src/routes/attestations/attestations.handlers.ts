import { FiscusError } from '@fiscus/core';
import { createAttestation, type AttestationKey } from '@fiscus/engine';
import { appendAudit, getLatestAttestation, listAttestations, type AttestationRow, type Db } from '@fiscus/ledger';
import { requireFund } from '../../lib/lookups.ts';
import { oracleChains } from '../../lib/oracle-chains.ts';
import { iso } from '../../lib/schemas.ts';
import type { AppDeps, AppRouteHandler } from '../../lib/types.ts';
import { presentOperation } from '../operations/operations.schemas.ts';
import type { CreateRoute, HistoryRoute, KeysRoute, LatestRoute } from './attestations.routes.ts';

export function attestationKeyOf(deps: AppDeps): AttestationKey {
  if (!deps.attestationKey) throw new FiscusError('INTERNAL', 'no attestation key configured');
  return deps.attestationKey;
}

export const presentAttestation = (a: AttestationRow) => ({
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
  await appendAudit(db, {
    actor: c.var.principal.keyId,
    action: 'attestation.created',
    subject: fund.id,
    data: { id: attestation.id, hash: attestation.hash, ok: attestation.ok, chains },
  });
  return c.json({ attestation: presentAttestation(attestation), operations: operations.map((o) => presentOperation(o, fund.decimals)) }, 201);
};

/** The latest attestation (404 when none): shared with the public proof-of-reserves route. */
export async function latestAttestation(db: Db, fundId: string) {
  const fund = await requireFund(db, fundId);
  const row = await getLatestAttestation(db, { fundId: fund.id });
  if (!row) throw new FiscusError('NOT_FOUND', `fund ${fund.id} has no attestation yet`);
  return presentAttestation(row);
}

/** One page of a fund's attestations, newest first: shared with the public route. */
export async function attestationHistory(db: Db, fundId: string, q: { since?: string; cursor?: string; limit: number }) {
  const fund = await requireFund(db, fundId);
  const rows = await listAttestations(db, { fundId: fund.id, since: q.since ? new Date(q.since) : undefined, cursor: q.cursor, limit: q.limit });
  return { items: rows.map(presentAttestation), nextCursor: rows.length === q.limit ? rows.at(-1)!.id : null };
}

export const latest: AppRouteHandler<LatestRoute> = async (c) => c.json(await latestAttestation(c.var.db, c.req.valid('param').fundId), 200);

export const history: AppRouteHandler<HistoryRoute> = async (c) =>
  c.json(await attestationHistory(c.var.db, c.req.valid('param').fundId, c.req.valid('query')), 200);

export const keys: AppRouteHandler<KeysRoute> = async (c) => {
  const k = attestationKeyOf(c.var.deps);
  return c.json({ keys: [{ keyId: k.keyId, algorithm: 'Ed25519' as const, publicKey: k.publicKey }] }, 200);
};
