import { createRoute, z } from '@hono/zod-openapi';
import { json, jsonBody, mutation, problems, readOnly, IdempotencyHeaders } from '../../lib/route-kit.ts';
import { ChainIdString, Id, Limit } from '../../lib/schemas.ts';
import { FundParams } from '../subscriptions/subscriptions.routes.ts';
import { HaltSchema, MoveLimitsRequestSchema, MoveLimitsSchema, MoveRequestSchema, MoveResolveRequestSchema, MoveSchema } from './moves.schemas.ts';

const tags = ['Moves'];
const ChainParams = FundParams.extend({ chain: ChainIdString });
const MoveParams = FundParams.extend({ moveId: Id('move_0193…') });

export const create = createRoute({
  method: 'post',
  path: '/v1/funds/{fundId}/moves',
  tags,
  summary: 'Move an investor’s units between chains: burn (Stellar: clawback) on the source, mint on the destination once the burn is final (202)',
  description:
    'Both wallets must belong to the same investor and be authorized; the investor’s policy applies. A move over a chain’s rate limit or into/out of a paused chain is queued (FIFO), never dropped. If the destination refuses for good, the units are re-minted on the source (state `compensated`).',
  ...mutation('moves.create'),
  request: { headers: IdempotencyHeaders, params: FundParams, body: jsonBody(MoveRequestSchema) },
  responses: { 202: json(z.object({ move: MoveSchema }), 'Move accepted'), ...problems(413, 404, 409, 422) },
});

export const list = createRoute({
  method: 'get',
  path: '/v1/funds/{fundId}/moves',
  tags,
  summary: 'Moves of the fund, newest first',
  ...readOnly('moves.read'),
  request: { params: FundParams, query: z.object({ state: z.string().min(1).max(32).optional(), limit: Limit }) },
  responses: { 200: json(z.object({ items: z.array(MoveSchema) }), 'Moves'), ...problems(404) },
});

export const get = createRoute({
  method: 'get',
  path: '/v1/funds/{fundId}/moves/{moveId}',
  tags,
  summary: 'One move: state, legs with their operations and transaction hashes, error',
  ...readOnly('moves.read'),
  request: { params: FundParams.extend({ moveId: Id('move_0193…') }) },
  responses: { 200: json(z.object({ move: MoveSchema }), 'Move'), ...problems(404) },
});

export const resolve = createRoute({
  method: 'post',
  path: '/v1/funds/{fundId}/moves/{moveId}/resolve',
  tags,
  summary: 'Resolve a stranded move: re-mint its units in transit to a wallet of the same investor (202)',
  description:
    'Only a move in state `stranded` (its re-mint failed for good; the units are in transit) can be resolved, once: `retry` re-mints to the wallet of the failed re-mint, `remint` to another wallet of the same investor on any chain where it is authorized. The move goes back to `compensating` and ends `completed` (re-minted on the destination chain) or `compensated`. 409 `MOVE_NOT_STRANDED` for any other state; the target wallet must be the investor’s (422 `POLICY_DENIED`), authorized (409 `NOT_AUTHORIZED_ON_CHAIN` / `FROZEN`) on a chain that may mint (409 `NOT_DEPLOYED` / `MINTS_BLOCKED` / `FUND_HALTED`). Audited as `move.resolved`.',
  ...mutation('moves.resolve'),
  request: { headers: IdempotencyHeaders, params: MoveParams, body: jsonBody(MoveResolveRequestSchema) },
  responses: { 202: json(z.object({ move: MoveSchema }), 'Re-mint requested; the move is compensating'), ...problems(413, 404, 409, 422) },
});

export const putLimits = createRoute({
  method: 'put',
  path: '/v1/funds/{fundId}/chains/{chain}/move-limits',
  tags,
  summary: 'Per-chain move rate limits (units per 24 h, refilling linearly; both directions)',
  ...mutation('moves.manage'),
  request: { headers: IdempotencyHeaders, params: ChainParams, body: jsonBody(MoveLimitsRequestSchema) },
  responses: { 200: json(MoveLimitsSchema, 'Limits now'), ...problems(413, 404, 409, 422) },
});

export const getLimits = createRoute({
  method: 'get',
  path: '/v1/funds/{fundId}/chains/{chain}/move-limits',
  tags,
  summary: 'Per-chain move limits, capacity available now and pause flag',
  ...readOnly('moves.read'),
  request: { params: ChainParams },
  responses: { 200: json(MoveLimitsSchema, 'Limits'), ...problems(404, 409, 422) },
});

const pauseRoute = (action: 'pause' | 'unpause') =>
  createRoute({
    method: 'post',
    path: `/v1/funds/{fundId}/chains/{chain}/${action}`,
    tags,
    summary: action === 'pause' ? 'Pause moves out of and into a chain (queued moves wait; nothing is dropped)' : 'Resume moves on a chain',
    ...mutation('moves.manage'),
    request: { headers: IdempotencyHeaders, params: ChainParams },
    responses: { 200: json(MoveLimitsSchema, 'Limits now'), ...problems(404, 409, 422) },
  });
export const pause = pauseRoute('pause');
export const unpause = pauseRoute('unpause');

export const halts = createRoute({
  method: 'get',
  path: '/v1/funds/{fundId}/halts',
  tags,
  summary: 'Supply-invariant alerts: halts of mints and moves (open ones have clearedAt null)',
  ...readOnly('moves.read'),
  request: { params: FundParams },
  responses: { 200: json(z.object({ items: z.array(HaltSchema) }), 'Halts, newest first'), ...problems(404) },
});

export const clearHalt = createRoute({
  method: 'post',
  path: '/v1/funds/{fundId}/halts/clear',
  tags,
  summary: 'Clear the fund’s open halt once the books are corrected (issuer-admin)',
  ...mutation('halts.clear'),
  request: { headers: IdempotencyHeaders, params: FundParams },
  responses: { 200: json(z.object({ halt: HaltSchema }), 'Cleared'), ...problems(404, 409) },
});

export type CreateRoute = typeof create;
export type ListRoute = typeof list;
export type GetRoute = typeof get;
export type ResolveRoute = typeof resolve;
export type PutLimitsRoute = typeof putLimits;
export type GetLimitsRoute = typeof getLimits;
export type PauseRoute = typeof pause;
export type HaltsRoute = typeof halts;
export type ClearHaltRoute = typeof clearHalt;
