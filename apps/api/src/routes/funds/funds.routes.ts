import { createRoute, z } from '@hono/zod-openapi';
import { json, jsonBody, mutation, problems, readOnly, IdempotencyHeaders } from '../../lib/route-kit.ts';
import { Cursor, Id, Limit } from '../../lib/schemas.ts';
import { CreateFundSchema, FundSchema, PolicySchema } from './funds.schemas.ts';

const tags = ['Funds'];
const FundParams = z.object({ fundId: Id('fund_0193…') });

export const create = createRoute({
  method: 'post',
  path: '/v1/funds',
  tags,
  summary: 'Create a fund (decimals are fixed for life; policy applies to every chain)',
  ...mutation('funds.create'),
  request: { headers: IdempotencyHeaders, body: jsonBody(CreateFundSchema) },
  responses: { 201: json(FundSchema, 'The fund'), ...problems(413) },
});

export const list = createRoute({
  method: 'get',
  path: '/v1/funds',
  tags,
  summary: 'List funds',
  ...readOnly('funds.read'),
  request: { query: z.object({ limit: Limit, cursor: Cursor }) },
  responses: {
    200: json(z.object({ items: z.array(FundSchema), nextCursor: z.string().nullable() }), 'Funds, oldest first'),
    ...problems(),
  },
});

export const get = createRoute({
  method: 'get',
  path: '/v1/funds/{fundId}',
  tags,
  summary: 'Get a fund',
  ...readOnly('funds.read'),
  request: { params: FundParams },
  responses: { 200: json(FundSchema, 'The fund'), ...problems(404) },
});

export const updatePolicy = createRoute({
  method: 'put',
  path: '/v1/funds/{fundId}/policy',
  tags,
  summary: 'Replace the compliance policy (once, for every chain)',
  ...mutation('funds.policy'),
  request: { headers: IdempotencyHeaders, params: FundParams, body: jsonBody(PolicySchema) },
  responses: { 200: json(FundSchema, 'The fund with its new policy'), ...problems(413, 404) },
});

export type CreateRoute = typeof create;
export type ListRoute = typeof list;
export type GetRoute = typeof get;
export type UpdatePolicyRoute = typeof updatePolicy;
