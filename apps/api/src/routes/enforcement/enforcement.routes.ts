import { createRoute, z } from '@hono/zod-openapi';
import { json, jsonBody, mutation, problems, IdempotencyHeaders } from '../../lib/route-kit.ts';
import { Address, addressByChain, ChainIdString, Units } from '../../lib/schemas.ts';
import { OperationSchema } from '../operations/operations.schemas.ts';
import { FundParams } from '../subscriptions/subscriptions.routes.ts';

const tags = ['Enforcement'];
const Accepted = { 202: json(z.object({ operation: OperationSchema }), 'Operation requested'), ...problems(413, 404, 409, 422) };

export const FreezeSchema = z
  .strictObject({
    chain: ChainIdString,
    address: Address,
    units: Units.optional().openapi({ description: 'Partial (un)freeze of this many units; absent = the whole wallet' }),
  })
  .openapi('Freeze', addressByChain('address'));

export const ForcedTransferSchema = z
  .strictObject({ chain: ChainIdString, from: Address, to: Address, units: Units })
  .openapi('ForcedTransfer', addressByChain('from', 'to'));

export const freeze = createRoute({
  method: 'post',
  path: '/v1/funds/{fundId}/freezes',
  tags,
  summary: 'Freeze a wallet, or some of its units',
  ...mutation('enforcement.create'),
  request: { headers: IdempotencyHeaders, params: FundParams, body: jsonBody(FreezeSchema) },
  responses: Accepted,
});

export const unfreeze = createRoute({
  method: 'post',
  path: '/v1/funds/{fundId}/unfreezes',
  tags,
  summary: 'Unfreeze a wallet, or some of its frozen units',
  ...mutation('enforcement.create'),
  request: { headers: IdempotencyHeaders, params: FundParams, body: jsonBody(FreezeSchema) },
  responses: Accepted,
});

export const forcedTransfer = createRoute({
  method: 'post',
  path: '/v1/funds/{fundId}/forced-transfers',
  tags,
  summary: 'Move units between two registered wallets without the holder’s signature (recovery, court orders)',
  ...mutation('enforcement.create'),
  request: { headers: IdempotencyHeaders, params: FundParams, body: jsonBody(ForcedTransferSchema) },
  responses: Accepted,
});

export type FreezeRoute = typeof freeze;
export type UnfreezeRoute = typeof unfreeze;
export type ForcedTransferRoute = typeof forcedTransfer;
