import { createRoute, z } from '@hono/zod-openapi';
import { OPERATION_KINDS, OPERATION_STATES } from '@fiscus/core';
import { json, mutation, problems, readOnly, IdempotencyHeaders } from '../../lib/route-kit.ts';
import { ChainIdString, Cursor, Id, Limit } from '../../lib/schemas.ts';
import { OperationSchema } from './operations.schemas.ts';

const tags = ['Operations'];
const OperationParams = z.object({ operationId: Id('op_0193…') });

export const get = createRoute({
  method: 'get',
  path: '/v1/operations/{operationId}',
  tags,
  summary: 'An operation: state, transaction hash, explorer link, history',
  ...readOnly('operations.read'),
  request: { params: OperationParams },
  responses: { 200: json(OperationSchema, 'The operation with its history'), ...problems(404) },
});

export const list = createRoute({
  method: 'get',
  path: '/v1/operations',
  tags,
  summary: 'Operations, newest first (an investor key sees only its own)',
  ...readOnly('operations.read'),
  request: {
    query: z.object({
      fundId: Id('fund_0193…').optional(),
      state: z.enum(OPERATION_STATES).optional(),
      chain: ChainIdString.optional(),
      kind: z.enum(OPERATION_KINDS).optional(),
      limit: Limit,
      cursor: Cursor,
    }),
  },
  responses: {
    200: json(z.object({ items: z.array(OperationSchema), nextCursor: z.string().nullable() }), 'Operations'),
    ...problems(),
  },
});

export const approve = createRoute({
  method: 'post',
  path: '/v1/operations/{operationId}/approve',
  tags,
  summary: 'Approve an operation awaiting a second approver (maker-checker)',
  ...mutation('operations.approve'),
  request: { headers: IdempotencyHeaders, params: OperationParams },
  responses: { 200: json(OperationSchema, 'The approved operation'), ...problems(413, 404, 409) },
});

export type GetRoute = typeof get;
export type ListRoute = typeof list;
export type ApproveRoute = typeof approve;
