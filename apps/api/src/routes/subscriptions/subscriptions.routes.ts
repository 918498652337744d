import { createRoute, z } from '@hono/zod-openapi';
import { json, jsonBody, mutation, problems, IdempotencyHeaders } from '../../lib/route-kit.ts';
import { Address, ChainIdString, Id, Units } from '../../lib/schemas.ts';
import { OperationSchema } from '../operations/operations.schemas.ts';

/** Shared by subscriptions and redemptions: who, where, how many. */
export const HolderAmountSchema = z
  .strictObject({ investorId: Id('inv_0193…'), chain: ChainIdString, address: Address, units: Units })
  .openapi('HolderAmount');

export const FundParams = z.object({ fundId: Id('fund_0193…') });

export const create = createRoute({
  method: 'post',
  path: '/v1/funds/{fundId}/subscriptions',
  tags: ['Subscriptions'],
  summary: 'Mint units to an authorized investor wallet (202: a mint operation)',
  description: 'Mints above the fund’s mintApprovalThreshold wait in state `requested` for a second approver.',
  ...mutation('subscriptions.create'),
  request: { headers: IdempotencyHeaders, params: FundParams, body: jsonBody(HolderAmountSchema) },
  responses: { 202: json(z.object({ operation: OperationSchema }), 'Mint requested'), ...problems(413, 404, 409, 422) },
});

export type CreateRoute = typeof create;
