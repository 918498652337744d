import { createRoute, z } from '@hono/zod-openapi';
import { json, mutation, problems, readOnly, IdempotencyHeaders } from '../../lib/route-kit.ts';
import { ChainIdString, Cursor, Limit } from '../../lib/schemas.ts';
import { FundParams } from '../subscriptions/subscriptions.routes.ts';
import { ReconciliationSchema } from './reconciliations.schemas.ts';

const tags = ['Reconciliation'];
const Results = z.object({ items: z.array(ReconciliationSchema) });

export const run = createRoute({
  method: 'post',
  path: '/v1/funds/{fundId}/reconciliations',
  tags,
  summary: 'Reconcile now: on-chain total supply vs ledger supply, per chain (drift blocks mints)',
  ...mutation('reconciliations.run'),
  request: {
    headers: IdempotencyHeaders,
    params: FundParams,
    body: { required: false, content: { 'application/json': { schema: z.strictObject({ chain: ChainIdString.optional() }).openapi('RunReconciliation') } } },
  },
  responses: { 200: json(Results, 'One result per reconciled chain'), ...problems(413, 404, 422) },
});

export const list = createRoute({
  method: 'get',
  path: '/v1/funds/{fundId}/reconciliations',
  tags,
  summary: 'Reconciliation history, newest first',
  ...readOnly('reconciliations.read'),
  request: { params: FundParams, query: z.object({ chain: ChainIdString.optional(), limit: Limit, cursor: Cursor }) },
  responses: { 200: json(Results.extend({ nextCursor: z.string().nullable() }), 'History'), ...problems(404) },
});

export const get = createRoute({
  method: 'get',
  path: '/v1/funds/{fundId}/reconciliations/{reconciliationId}',
  tags,
  summary: 'One reconciliation; a drift shows its cause in detail.unmatchedEvents (on-chain events the books do not explain)',
  ...readOnly('reconciliations.read'),
  request: { params: FundParams.extend({ reconciliationId: z.string().min(1).max(64).openapi({ example: 'rec_0193…' }) }) },
  responses: { 200: json(ReconciliationSchema, 'The reconciliation'), ...problems(404) },
});

export type GetRoute = typeof get;
export type RunRoute = typeof run;
export type ListRoute = typeof list;
