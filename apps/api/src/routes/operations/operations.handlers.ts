import { FiscusError } from '@fiscus/core';
import { approveOperation } from '@fiscus/engine';
import { getFundsByIds, getOperation, listOperations, operationHistory, type Db, type OperationRecord } from '@fiscus/ledger';
import type { Principal } from '../../auth/principal.ts';
import { requireFund } from '../../lib/lookups.ts';
import type { AppRouteHandler } from '../../lib/types.ts';
import type { ApproveRoute, GetRoute, ListRoute } from './operations.routes.ts';
import { presentOperation } from './operations.schemas.ts';

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
  const op = await approveOperation(db, { id: operationId, approvedBy: c.var.principal.keyId });
  const fund = await requireFund(db, op.fundId);
  return c.json(presentOperation(op, fund.decimals, await operationHistory(db, { operationId })), 200);
};
