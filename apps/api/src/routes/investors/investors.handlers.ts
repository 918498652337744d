import { InvestorInput, newId, validationError } from '@fiscus/core';
import { appendAudit, insertInvestor, listInvestors, updateInvestorKyc } from '@fiscus/ledger';
import { assertInvestorScope } from '../../auth/roles.ts';
import { requireInvestor } from '../../lib/lookups.ts';
import type { AppRouteHandler } from '../../lib/types.ts';
import { presentOperation } from '../operations/operations.schemas.ts';
import { kycLapsed, requestDeauthorizations } from './investors.deauthorize.ts';
import type { CreateRoute, GetRoute, ListRoute, UpdateKycRoute } from './investors.routes.ts';
import { presentInvestor } from './investors.schemas.ts';

export const create: AppRouteHandler<CreateRoute> = async (c) => {
  const db = c.var.db;
  // core's InvestorInput derives the numeric jurisdiction, so the two codes cannot disagree.
  const parsed = InvestorInput.safeParse({ id: newId('inv'), ...c.req.valid('json') });
  if (!parsed.success) throw validationError('investor', parsed.error);
  const i = parsed.data;
  const row = await insertInvestor(db, {
    id: i.id,
    legalName: i.legalName,
    jurisdiction: i.jurisdiction,
    jurisdictionNumeric: i.jurisdictionNumeric,
    investorType: i.investorType,
    kycStatus: i.kycStatus,
    kycExpiresAt: i.kycExpiresAt ?? null,
  });
  await appendAudit(db, { actor: c.var.principal.keyId, action: 'investor.created', subject: row.id, data: presentInvestor(row) });
  return c.json(presentInvestor(row), 201);
};

export const list: AppRouteHandler<ListRoute> = async (c) => {
  const q = c.req.valid('query');
  const { principal } = c.var;
  const rows = await listInvestors(c.var.db, {
    kycStatus: q.kycStatus,
    jurisdiction: q.jurisdiction?.toUpperCase(),
    investorType: q.investorType,
    kycExpiresBefore: q.kycExpiresBefore ? new Date(q.kycExpiresBefore) : undefined,
    q: q.q,
    onlyId: principal.role === 'investor' ? (principal.investorId ?? '') : undefined,
    cursor: q.cursor,
    limit: q.limit,
  });
  return c.json({ items: rows.map(presentInvestor), nextCursor: rows.length === q.limit ? rows.at(-1)!.id : null }, 200);
};

export const get: AppRouteHandler<GetRoute> = async (c) => {
  const { investorId } = c.req.valid('param');
  assertInvestorScope(c.var.principal, investorId);
  return c.json(presentInvestor(await requireInvestor(c.var.db, investorId)), 200);
};

export const updateKyc: AppRouteHandler<UpdateKycRoute> = async (c) => {
  const db = c.var.db;
  const investor = await requireInvestor(db, c.req.valid('param').investorId);
  const { kycStatus, kycExpiresAt } = c.req.valid('json');
  const row = (await updateInvestorKyc(db, { id: investor.id, kycStatus, kycExpiresAt: kycExpiresAt ? new Date(kycExpiresAt) : null }))!;
  // c.var.db is the request's transaction: the KYC change and its deauthorizations commit together.
  const requested = kycLapsed(row, new Date()) ? await requestDeauthorizations(db, { investorId: row.id, requestedBy: c.var.principal.keyId }) : [];
  await appendAudit(db, {
    actor: c.var.principal.keyId,
    action: 'investor.kyc_updated',
    subject: row.id,
    data: { from: investor.kycStatus, to: kycStatus, kycExpiresAt: kycExpiresAt ?? null, deauthorizations: requested.map((r) => r.operation.id) },
  });
  return c.json({ ...presentInvestor(row), operations: requested.map((r) => presentOperation(r.operation, r.decimals)) }, 200);
};
