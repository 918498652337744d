import { FiscusError } from '@fiscus/core';
import { addApprovalSignature, approvalState, approveOperation, multisigFor, proposeApproval } from '@fiscus/engine';
import { getFundsByIds, getOperation, listOperations, operationHistory, type Db, type OperationRecord } from '@fiscus/ledger';
import type { Principal } from '../../auth/principal.ts';
import { requireDriver, requireFund } from '../../lib/lookups.ts';
import type { AppRouteHandler } from '../../lib/types.ts';
import type { ApproveRoute, GetRoute, ListRoute, SignaturesRoute, SignRoute } from './operations.routes.ts';
import { presentApproval, presentOperation } from './operations.schemas.ts';

async function requireOperation(db: Db, principal: Principal, id: string): Promise<OperationRecord> {
  const op = await getOperation(db, { id });
  if (!op) throw new FiscusError('NOT_FOUND', `operation ${id} not found`, { meta: { operationId: id } });
  // Investors see the operations that name them (authorize, mint, burn of their wallets).
  if (principal.role === 'investor' && op.context.investorId !== principal.investorId) {
    throw new FiscusError('FORBIDDEN', 'this operation concerns another investor');
  }
  return op;
}

export const get: AppRouteHandler<GetRoute> = async (c) => {
  const op = await requireOperation(c.var.db, c.var.principal, c.req.valid('param').operationId);
  const fund = await requireFund(c.var.db, op.fundId);
  const history = await operationHistory(c.var.db, { operationId: op.id });
  return c.json(presentOperation(op, fund.decimals, history), 200);
};

export const list: AppRouteHandler<ListRoute> = async (c) => {
  const q = c.req.valid('query');
  const { principal } = c.var;
  const rows = await listOperations(c.var.db, {
    ...q,
    before: q.cursor,
    investorId: principal.role === 'investor' ? (principal.investorId ?? '') : undefined,
  });
  const decimals = new Map((await getFundsByIds(c.var.db, { ids: [...new Set(rows.map((r) => r.fundId))] })).map((f) => [f.id, f.decimals]));
  return c.json(
    {
      items: rows.map((r) => presentOperation(r, decimals.get(r.fundId) ?? 0)),
      nextCursor: rows.length === q.limit ? rows.at(-1)!.id : null,
    },
    200,
  );
};

export const approve: AppRouteHandler<ApproveRoute> = async (c) => {
  const db = c.var.db;
  const { operationId } = c.req.valid('param');
  const pending = await requireOperation(db, c.var.principal, operationId);
  const driver = c.var.deps.drivers.get(pending.chain);
  if (pending.state === 'requested' && driver && (await multisigFor(db, driver, pending))) {
    throw new FiscusError('CONFLICT', `operation ${operationId} needs its approvers' signatures on chain, not an API approval`, {
      details: 'GET /v1/operations/{operationId}/signatures for what to sign, then POST each signature there.',
    });
  }
  const op = await approveOperation(db, { id: operationId, approvedBy: c.var.principal.keyId });
  const fund = await requireFund(db, op.fundId);
  return c.json(presentOperation(op, fund.decimals, await operationHistory(db, { operationId })), 200);
};

/** Proposes on first use (idempotent: the stored proposal afterwards), then shows it with its signatures. */
export const signatures: AppRouteHandler<SignaturesRoute> = async (c) => {
  const db = c.var.db;
  const { operationId } = c.req.valid('param');
  const op = await requireOperation(db, c.var.principal, operationId);
  if (!(await approvalState(db, op.id))) await proposeApproval(db, requireDriver(c.var.deps.drivers, op.chain), { id: op.id, actor: c.var.principal.keyId });
  const state = await approvalState(db, op.id);
  if (!state) throw new FiscusError('NOT_FOUND', `operation ${op.id} has no proposal`);
  return c.json(presentApproval(state), 200);
};

export const sign: AppRouteHandler<SignRoute> = async (c) => {
  const db = c.var.db;
  const { operationId } = c.req.valid('param');
  const op = await requireOperation(db, c.var.principal, operationId);
  const state = await addApprovalSignature(db, requireDriver(c.var.deps.drivers, op.chain), {
    id: op.id,
    signature: c.req.valid('json'),
    postedBy: c.var.principal.keyId,
  });
  return c.json(presentApproval(state), 200);
};
