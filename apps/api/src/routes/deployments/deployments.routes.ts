import { createRoute, z } from '@hono/zod-openapi';
import { json, jsonBody, mutation, problems, readOnly, IdempotencyHeaders } from '../../lib/route-kit.ts';
import { ChainIdString, Id } from '../../lib/schemas.ts';
import { OperationSchema } from '../operations/operations.schemas.ts';
import { DeploymentSchema } from './deployments.schemas.ts';

const tags = ['Deployments'];
const FundParams = z.object({ fundId: Id('fund_0193…') });

export const create = createRoute({
  method: 'post',
  path: '/v1/funds/{fundId}/deployments',
  tags,
  summary: 'Deploy the fund’s token on a configured chain (202: a deploy operation)',
  ...mutation('deployments.create'),
  request: { headers: IdempotencyHeaders, params: FundParams, body: jsonBody(z.strictObject({ chain: ChainIdString }).openapi('CreateDeployment')) },
  responses: {
    202: json(z.object({ deployment: DeploymentSchema, operation: OperationSchema }), 'Deployment started'),
    ...problems(413, 404, 409, 422),
  },
});

export const list = createRoute({
  method: 'get',
  path: '/v1/funds/{fundId}/deployments',
  tags,
  summary: 'The fund’s deployments, one per chain',
  ...readOnly('funds.read'),
  request: { params: FundParams },
  responses: { 200: json(z.object({ items: z.array(DeploymentSchema) }), 'Deployments'), ...problems(404) },
});

export type CreateRoute = typeof create;
export type ListRoute = typeof list;
