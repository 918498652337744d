import { createRoute, z } from '@hono/zod-openapi';
import { json, jsonBody, mutation, problems, readOnly, IdempotencyHeaders } from '../../lib/route-kit.ts';
import { addressByChain, Id, Limit } from '../../lib/schemas.ts';
import { OperationSchema } from '../operations/operations.schemas.ts';
import { FundParams, HolderAmountSchema } from '../subscriptions/subscriptions.routes.ts';
import { AccountName, PositiveUsd, UsdText } from '../custody/custody.schemas.ts';
import { PayoutSchema, REDEMPTION_STATES, RedemptionSchema, RulesSchema } from './redemptions.schemas.ts';

const tags = ['Redemptions'];
const RedemptionParams = FundParams.extend({ redemptionId: Id('red_0193…') });

export const create = createRoute({
  method: 'post',
  path: '/v1/funds/{fundId}/redemptions',
  tags,
  summary: 'Redeem units at NAV: burn from an investor wallet (202: the burn operation and the redemption); an investor key may redeem only for itself',
  description:
    'Priced at the current NAV (REDEMPTION_USD_ROUND_DOWN); refused below the fund minimum (422 BELOW_MINIMUM). Once burned it waits FIFO for daily liquidity, then a payout is instructed.',
  ...mutation('redemptions.create'),
  request: {
    headers: IdempotencyHeaders,
    params: FundParams,
    body: jsonBody(
      // One flat object in the document: `.extend` of a registered schema renders as allOf[$ref,
      // {additionalProperties: false}], which no body satisfies (each half forbids the other's fields).
      z
        .strictObject({
          ...HolderAmountSchema.shape,
          payToWalletId: Id('wal_0193…').optional().openapi({
            description:
              'Paid in stablecoin to this wallet of the same investor (a settlement chain). Default: the redeeming wallet when its chain settles in stablecoin, else bank wire.',
          }),
        })
        .openapi('RedemptionRequest', addressByChain('address')),
    ),
  },
  responses: { 202: json(z.object({ operation: OperationSchema, redemption: RedemptionSchema }), 'Burn requested'), ...problems(413, 404, 409, 422) },
});

export const list = createRoute({
  method: 'get',
  path: '/v1/funds/{fundId}/redemptions',
  tags,
  summary: 'Redemptions, newest first, with state, NAV used, USD and queue position (an investor key sees its own)',
  ...readOnly('redemptions.read'),
  request: { params: FundParams, query: z.object({ state: z.enum(REDEMPTION_STATES).optional(), limit: Limit, cursor: z.string().min(1).max(64).optional() }) },
  responses: { 200: json(z.object({ items: z.array(RedemptionSchema), nextCursor: z.string().nullable() }), 'Redemptions'), ...problems(404) },
});

export const get = createRoute({
  method: 'get',
  path: '/v1/funds/{fundId}/redemptions/{redemptionId}',
  tags,
  summary: 'One redemption',
  ...readOnly('redemptions.read'),
  request: { params: RedemptionParams },
  responses: { 200: json(RedemptionSchema, 'The redemption'), ...problems(404) },
});

export const confirmPayout = createRoute({
  method: 'post',
  path: '/v1/funds/{fundId}/redemptions/{redemptionId}/payouts/{payoutId}/confirm',
  tags,
  summary: 'Confirm that the (external) bank payment of a payout was made',
  ...mutation('redemptions.manage'),
  request: {
    headers: IdempotencyHeaders,
    params: RedemptionParams.extend({ payoutId: Id('pay_0193…') }),
    body: jsonBody(z.strictObject({ reference: z.string().min(1).max(128).openapi({ example: 'FEDWIRE-20260319-0042' }) }).openapi('PayoutConfirmation')),
  },
  responses: { 200: json(PayoutSchema, 'The confirmed payout'), ...problems(413, 404, 409) },
});

export const accept = createRoute({
  method: 'post',
  path: '/v1/funds/{fundId}/redemptions/{redemptionId}/accept',
  tags,
  summary: 'Accept an on-chain redemption set aside below the minimum (rejected_min_size): burn it / owe it now',
  ...mutation('redemptions.manage'),
  request: { headers: IdempotencyHeaders, params: RedemptionParams },
  responses: { 200: json(RedemptionSchema, 'The redemption, requested (burn requested) or pending'), ...problems(404, 409) },
});

export const getRules = createRoute({
  method: 'get',
  path: '/v1/funds/{fundId}/redemption-rules',
  tags,
  summary: 'Minimum redemption, daily liquidity limit and payout account',
  description: 'An investor key reads only the rules of funds its investor holds a wallet in (403 otherwise, also for a fund that does not exist).',
  ...readOnly('redemptions.read'),
  request: { params: FundParams },
  responses: { 200: json(RulesSchema, 'The rules'), ...problems(404) },
});

export const putRules = createRoute({
  method: 'put',
  path: '/v1/funds/{fundId}/redemption-rules',
  tags,
  summary: 'Set the minimum redemption, daily liquidity limit and payout account',
  ...mutation('redemptions.manage'),
  request: {
    headers: IdempotencyHeaders,
    params: FundParams,
    body: jsonBody(
      z.strictObject({ minRedemptionUsd: UsdText, dailyLiquidityUsd: PositiveUsd.nullable(), payoutAccount: AccountName }).openapi('RedemptionRulesInput'),
    ),
  },
  responses: { 200: json(RulesSchema, 'The rules'), ...problems(413, 404, 422) },
});

export type CreateRoute = typeof create;
export type ListRoute = typeof list;
export type GetRoute = typeof get;
export type ConfirmPayoutRoute = typeof confirmPayout;
export type GetRulesRoute = typeof getRules;
export type AcceptRoute = typeof accept;
export type PutRulesRoute = typeof putRules;
