import { createRoute, z } from '@hono/zod-openapi';
import { json, jsonBody, mutation, problems, readOnly, IdempotencyHeaders } from '../../lib/route-kit.ts';
import { Address, ChainIdString } from '../../lib/schemas.ts';
import { AccountName, PositiveUsd, UsdText } from '../custody/custody.schemas.ts';
import { FundParams } from '../subscriptions/subscriptions.routes.ts';
import { ChainLiquiditySchema, SettlementCapsSchema, StablecoinReconciliationSchema } from './liquidity.schemas.ts';

const tags = ['Treasury'];
const ChainParams = FundParams.extend({ chain: ChainIdString });

export const list = createRoute({
  method: 'get',
  path: '/v1/funds/{fundId}/liquidity',
  tags,
  summary: 'Stablecoin liquidity per settlement chain: booked, reserved for payouts, available, queued redemptions, alert',
  ...readOnly('custody.read'),
  request: { params: FundParams },
  responses: { 200: json(z.object({ items: z.array(ChainLiquiditySchema) }), 'Liquidity per chain'), ...problems(404) },
});

export const enable = createRoute({
  method: 'put',
  path: '/v1/funds/{fundId}/liquidity/{chain}',
  tags,
  summary: 'Settle in stablecoin on a chain: redemptions there are paid in its stablecoin from the treasury',
  description:
    'The treasury address defaults to the driver’s (Stellar: the fund’s distribution account). The chain needs a deployment and a driver with a settlement asset.',
  ...mutation('custody.write'),
  request: {
    headers: IdempotencyHeaders,
    params: ChainParams,
    body: jsonBody(z.strictObject({ treasuryAddress: Address.optional() }).openapi('SettlementChainInput')),
  },
  responses: { 200: json(ChainLiquiditySchema, 'The chain’s liquidity'), ...problems(413, 404, 409, 422) },
});

export const move = createRoute({
  method: 'post',
  path: '/v1/funds/{fundId}/liquidity/moves',
  tags,
  summary: 'Book stablecoin liquidity moved to a chain’s treasury (from bank cash or another chain’s treasury)',
  description:
    'The movement itself (a wire minted into USDC, a cross-chain transfer) happens outside; the stablecoin reconciliation compares this booking with the chain.',
  ...mutation('custody.write'),
  request: {
    headers: IdempotencyHeaders,
    params: FundParams,
    body: jsonBody(
      z
        .strictObject({
          toChain: ChainIdString,
          fromCashAccount: AccountName.optional(),
          fromChain: ChainIdString.optional(),
          usd: PositiveUsd,
          reference: z.string().min(1).max(128),
        })
        .openapi('LiquidityMove', { oneOf: [{ required: ['fromCashAccount'] }, { required: ['fromChain'] }] }),
    ),
  },
  responses: { 201: json(z.object({ entryId: z.string() }), 'Booked'), ...problems(413, 404, 409, 422) },
});

export const reconcile = createRoute({
  method: 'post',
  path: '/v1/funds/{fundId}/liquidity/{chain}/reconciliations',
  tags,
  summary: 'Reconcile the treasury’s stablecoin on a chain with the ledger now (a drift blocks payouts there)',
  ...mutation('reconciliations.run'),
  request: { headers: IdempotencyHeaders, params: ChainParams },
  responses: { 201: json(StablecoinReconciliationSchema, 'The reconciliation'), ...problems(404, 409, 422) },
});

export const listReconciliations = createRoute({
  method: 'get',
  path: '/v1/funds/{fundId}/liquidity/reconciliations',
  tags,
  summary: 'Latest stablecoin reconciliations of the fund, newest first',
  ...readOnly('reconciliations.read'),
  request: { params: FundParams },
  responses: { 200: json(z.object({ items: z.array(StablecoinReconciliationSchema) }), 'Reconciliations'), ...problems(404) },
});

const CapUsd = UsdText.openapi({ description: 'USD per UTC day, at most 6 decimals; "0" = no cap' });

export const getCaps = createRoute({
  method: 'get',
  path: '/v1/funds/{fundId}/liquidity/{chain}/limits',
  tags,
  summary: 'The on-chain limits of the fund’s settlement contracts on an EVM chain, read from the chain',
  ...readOnly('custody.read'),
  request: { params: ChainParams },
  responses: { 200: json(SettlementCapsSchema, 'The limits'), ...problems(404, 409, 422) },
});

export const setCaps = createRoute({
  method: 'put',
  path: '/v1/funds/{fundId}/liquidity/{chain}/limits',
  tags,
  summary: 'Set the settlement contracts’ daily subscription caps and instant-redemption limit (only what differs is sent)',
  description:
    'Signed by the chain’s admin key (the contracts’ owner). Idempotent: a value the chain already holds sends nothing, so a retry after a failure converges. Limits left out stay as they are. Queued redemptions are governed by the redemption rules’ dailyLiquidityUsd, not by these.',
  ...mutation('custody.write'),
  request: {
    headers: IdempotencyHeaders,
    params: ChainParams,
    body: jsonBody(
      z
        .strictObject({
          subscriptionDailyUsd: CapUsd.optional(),
          subscriptionInvestorDailyUsd: CapUsd.optional(),
          instantRedemptionDailyUsd: CapUsd.optional(),
        })
        .openapi('SettlementCapsInput', { minProperties: 1 }),
    ),
  },
  responses: { 200: json(SettlementCapsSchema.extend({ transactions: z.int() }), 'The limits now on chain'), ...problems(413, 404, 409, 422) },
});

export type ListRoute = typeof list;
export type GetCapsRoute = typeof getCaps;
export type SetCapsRoute = typeof setCaps;
export type EnableRoute = typeof enable;
export type MoveRoute = typeof move;
export type ReconcileRoute = typeof reconcile;
export type ListReconciliationsRoute = typeof listReconciliations;
