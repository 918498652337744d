import { createRoute, z } from '@hono/zod-openapi';
import { json, jsonBody, mutation, problems, readOnly, IdempotencyHeaders } from '../../lib/route-kit.ts';
import { Cursor, Id, Limit } from '../../lib/schemas.ts';
import { FundParams } from '../subscriptions/subscriptions.routes.ts';
import { AllocationSchema, CreateDistributionSchema, DistributionSchema } from './distributions.schemas.ts';

const tags = ['Yield'];
const DistributionParams = FundParams.extend({ distributionId: Id('dist_0193…') });

export const create = createRoute({
  method: 'post',
  path: '/v1/funds/{fundId}/distributions',
  tags,
  summary: 'Distribute yield in new units, pro rata to every holder on every chain at the record time (202)',
  description:
    'Each holder gets ⌊(units + carry) × position / Σ positions⌋ (YIELD_PRO_RATA_ROUND_DOWN); the remainder carries to the next distribution. ' +
    'Allocations a holder may not receive (frozen or deauthorized wallet, policy: max holding, KYC…) are withheld into the carry and audited. ' +
    'Mints go out in batches of the chain’s maxBatch, each operation carrying context.distributionId.',
  ...mutation('distributions.create'),
  request: { headers: IdempotencyHeaders, params: FundParams, body: jsonBody(CreateDistributionSchema) },
  responses: { 202: json(z.object({ distribution: DistributionSchema }), 'Distribution requested'), ...problems(413, 404, 422) },
});

export const DISTRIBUTION_STATES = ['pending', 'minting', 'completed', 'partially_failed', 'failed', 'cancelled'] as const;

export const list = createRoute({
  method: 'get',
  path: '/v1/funds/{fundId}/distributions',
  tags,
  summary: 'Distributions of a fund, newest first, with their progress (keyset-paginated)',
  ...readOnly('distributions.read'),
  request: { params: FundParams, query: z.object({ state: z.enum(DISTRIBUTION_STATES).optional(), limit: Limit, cursor: Cursor }) },
  responses: { 200: json(z.object({ items: z.array(DistributionSchema), nextCursor: z.string().nullable() }), 'One page of distributions'), ...problems(404) },
});

export const get = createRoute({
  method: 'get',
  path: '/v1/funds/{fundId}/distributions/{distributionId}',
  tags,
  summary: 'Progress of a distribution: holders, batches requested/posted per chain, units paid, carry, state',
  ...readOnly('distributions.read'),
  request: { params: DistributionParams },
  responses: { 200: json(DistributionSchema, 'The distribution'), ...problems(404) },
});

export const allocations = createRoute({
  method: 'get',
  path: '/v1/funds/{fundId}/distributions/{distributionId}/allocations',
  tags,
  summary: 'The holders of a distribution: position at the snapshot, units allocated, batch operation (by wallet id)',
  ...readOnly('distributions.read'),
  request: { params: DistributionParams, query: z.object({ limit: Limit, cursor: Cursor }) },
  responses: { 200: json(z.object({ items: z.array(AllocationSchema), nextCursor: z.string().nullable() }), 'Allocations'), ...problems(404) },
});

export const cancel = createRoute({
  method: 'post',
  path: '/v1/funds/{fundId}/distributions/{distributionId}/cancel',
  tags,
  summary: 'Cancel a distribution before it is planned (nothing written or signed yet); idempotent',
  description:
    'Only a `pending` distribution can be cancelled: at its record time it is planned and its mints are queued for signing in one transaction, ' +
    'after which it runs to completion (409 CONFLICT, `meta.state`). Cancelling a cancelled distribution answers it again. Same roles as creating one; audited.',
  ...mutation('distributions.create'),
  request: { headers: IdempotencyHeaders, params: DistributionParams },
  responses: { 200: json(DistributionSchema, 'The cancelled distribution'), ...problems(404, 409) },
});

export type CreateRoute = typeof create;
export type GetRoute = typeof get;
export type ListRoute = typeof list;
export type AllocationsRoute = typeof allocations;
export type CancelRoute = typeof cancel;
