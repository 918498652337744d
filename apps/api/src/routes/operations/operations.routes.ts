import { createRoute, z } from '@hono/zod-openapi';
import { OPERATION_KINDS, OPERATION_STATES } from '@fiscus/core';
import { json, jsonBody, mutation, problems, readOnly, IdempotencyHeaders } from '../../lib/route-kit.ts';
import { ChainIdString, Cursor, Id, Limit } from '../../lib/schemas.ts';
import { ApprovalSchema, ApprovalSignatureIn, OperationSchema } from './operations.schemas.ts';

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

export const signatures = createRoute({
  method: 'get',
  path: '/v1/operations/{operationId}/signatures',
  tags,
  summary: 'What the approvers of a multisig operation sign, and the signatures collected so far',
  description:
    'For an operation above the approval threshold on a chain where the fund has approvers: the first call proposes the transaction ' +
    '(Stellar: the transaction envelope, its hash signed with ed25519; EVM: the Safe transaction as EIP-712 typed data, its hash signed ' +
    'with secp256k1) and every later call returns the same proposal. 422 when the fund has no approvers on the chain.',
  ...readOnly('operations.approve'),
  request: { params: OperationParams },
  responses: { 200: json(ApprovalSchema, 'The proposal and its signatures'), ...problems(404, 409, 422) },
});

export const sign = createRoute({
  method: 'post',
  path: '/v1/operations/{operationId}/signatures',
  tags,
  summary: "Add one approver's signature; the one that meets the threshold approves the operation",
  description:
    'The signer must be one of the approvers (403), the signature must verify over the proposal hash (400), and each approver signs ' +
    'once (409). The operation moves to `approved` with the signature that meets the threshold; the worker then sends the transaction.',
  ...mutation('operations.approve'),
  request: { headers: IdempotencyHeaders, params: OperationParams, body: jsonBody(ApprovalSignatureIn) },
  responses: { 200: json(ApprovalSchema, 'The proposal and its signatures'), ...problems(413, 404, 409, 422) },
});

export type GetRoute = typeof get;
export type SignaturesRoute = typeof signatures;
export type SignRoute = typeof sign;
export type ListRoute = typeof list;
export type ApproveRoute = typeof approve;
