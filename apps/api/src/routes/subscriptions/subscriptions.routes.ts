import { createRoute, z } from '@hono/zod-openapi';
import { json, jsonBody, mutation, problems, IdempotencyHeaders } from '../../lib/route-kit.ts';
import { Address, addressByChain, ChainIdString, exactlyOne, Id, Units } from '../../lib/schemas.ts';
import { PositiveUsd } from '../custody/custody.schemas.ts';
import { OperationSchema } from '../operations/operations.schemas.ts';

/** Shared by subscriptions and redemptions: who, where, how many. */
export const HolderAmountSchema = z
  .strictObject({ investorId: Id('inv_0193…'), chain: ChainIdString, address: Address, units: Units })
  .openapi('HolderAmount', addressByChain('address'));

export const FundParams = z.object({ fundId: Id('fund_0193…') });

/** A subscription names either the units to mint or the USD paid in (exactly one). */
export const SubscriptionSchema = z
  .strictObject({
    investorId: Id('inv_0193…'),
    chain: ChainIdString,
    address: Address,
    units: Units.optional(),
    usd: PositiveUsd.optional().openapi({
      example: '250000.00',
      description: 'USD paid in; units minted = USD / NAV rounded down (SUBSCRIPTION_UNITS_ROUND_DOWN), the remainder recorded',
    }),
  })
  .refine((b) => (b.units === undefined) !== (b.usd === undefined), { message: 'give exactly one of units or usd', path: ['units'] })
  .openapi('SubscriptionRequest', { allOf: [addressByChain('address'), exactlyOne('units', 'usd')] });

export const SubscriptionRecordSchema = z
  .object({
    id: z.string(),
    usdIn: z.string(),
    units: z.string(),
    cost: z.string().openapi({ description: 'USD value of the units at NAV' }),
    remainder: z.string().openapi({ description: 'USD paid in and not spent (owed back to the investor)' }),
    nav: z.string(),
    rounding: z.string().openapi({ example: 'SUBSCRIPTION_UNITS_ROUND_DOWN' }),
    status: z.string().openapi({ description: 'requested | minted | failed' }),
  })
  .openapi('Subscription');

export const create = createRoute({
  method: 'post',
  path: '/v1/funds/{fundId}/subscriptions',
  tags: ['Subscriptions'],
  summary: 'Subscribe at NAV: USD in → units minted to an authorized investor wallet (202: a mint operation)',
  description:
    'Give `usd` (units = USD / NAV, SUBSCRIPTION_UNITS_ROUND_DOWN, the remainder recorded) or `units` (USD = units × NAV, SUBSCRIPTION_COST_ROUND_UP). The cash is booked (cash:subscriptions) with the mint request. Mints above the fund’s mintApprovalThreshold wait in state `requested` for a second approver.',
  ...mutation('subscriptions.create'),
  request: { headers: IdempotencyHeaders, params: FundParams, body: jsonBody(SubscriptionSchema) },
  responses: { 202: json(z.object({ operation: OperationSchema, subscription: SubscriptionRecordSchema }), 'Mint requested'), ...problems(413, 404, 409, 422) },
});

export type CreateRoute = typeof create;
