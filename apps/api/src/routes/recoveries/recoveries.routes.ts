import { createRoute, z } from '@hono/zod-openapi';
import { json, jsonBody, mutation, problems, IdempotencyHeaders } from '../../lib/route-kit.ts';
import { Address, ChainIdString } from '../../lib/schemas.ts';
import { OperationSchema } from '../operations/operations.schemas.ts';
import { FundParams } from '../subscriptions/subscriptions.routes.ts';

export const RecoverySchema = z
  .strictObject({
    chain: ChainIdString,
    from: Address.openapi({ description: 'The lost wallet (registered for the fund)' }),
    to: Address.openapi({ description: 'A wallet of the SAME investor, registered with POST /v1/investors/{id}/wallets' }),
  })
  .openapi('Recovery');

export const createRecovery = createRoute({
  method: 'post',
  path: '/v1/funds/{fundId}/recoveries',
  tags: ['Enforcement'],
  summary: 'Move a lost wallet’s whole balance and standing to another wallet of the same investor',
  description:
    'The units moved are the lost wallet’s on-chain balance when the request is accepted; the investor’s holding ' +
    'does not change. The new wallet must belong to the same investor (checked again before signing).',
  ...mutation('enforcement.create'),
  request: { headers: IdempotencyHeaders, params: FundParams, body: jsonBody(RecoverySchema) },
  responses: { 202: json(z.object({ operation: OperationSchema }), 'Operation requested'), ...problems(413, 404, 409, 422) },
});

export type CreateRecoveryRoute = typeof createRecovery;
