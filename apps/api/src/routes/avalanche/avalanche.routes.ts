import { createRoute, z } from '@hono/zod-openapi';
import { IdempotencyHeaders, json, jsonBody, mutation, problems, readOnly } from '../../lib/route-kit.ts';
import { Id } from '../../lib/schemas.ts';
import { L1ProvisionSchema, ProvisionL1Body } from './avalanche.schemas.ts';

const tags = ['Avalanche'];

export const provision = createRoute({
  method: 'post',
  path: '/v1/avalanche/l1s',
  tags,
  summary: 'Provision an Avalanche L1 on the P-Chain (CreateSubnetTx → CreateChainTx with the Subnet-EVM genesis → ConvertSubnetToL1Tx)',
  ...mutation('avalanche.l1s.create'),
  request: { headers: IdempotencyHeaders, body: jsonBody(ProvisionL1Body) },
  responses: {
    202: json(L1ProvisionSchema, 'Accepted: provisioning runs in the background; poll GET /v1/avalanche/l1s/{id}'),
    ...problems(409, 422),
  },
});

export const get = createRoute({
  method: 'get',
  path: '/v1/avalanche/l1s/{id}',
  tags,
  summary: 'An L1 provisioning: its step, subnet id, blockchain id and conversion',
  ...readOnly('avalanche.l1s.read'),
  request: { params: z.object({ id: Id('l1_0193…') }) },
  responses: { 200: json(L1ProvisionSchema, 'The provisioning'), ...problems(404) },
});

export type ProvisionRoute = typeof provision;
export type GetRoute = typeof get;
