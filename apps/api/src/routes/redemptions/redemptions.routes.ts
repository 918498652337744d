import { createRoute, z } from '@hono/zod-openapi';
import { json, jsonBody, mutation, problems, IdempotencyHeaders } from '../../lib/route-kit.ts';
import { OperationSchema } from '../operations/operations.schemas.ts';
import { FundParams, HolderAmountSchema } from '../subscriptions/subscriptions.routes.ts';

export const create = createRoute({
  method: 'post',
  path: '/v1/funds/{fundId}/redemptions',
  tags: ['Redemptions'],
  summary: 'Burn units from an investor wallet (202: a burn operation); an investor key may redeem only for itself',
  ...mutation('redemptions.create'),
  request: { headers: IdempotencyHeaders, params: FundParams, body: jsonBody(HolderAmountSchema) },
  responses: { 202: json(z.object({ operation: OperationSchema }), 'Burn requested'), ...problems(413, 404, 409, 422) },
});

export type CreateRoute = typeof create;
