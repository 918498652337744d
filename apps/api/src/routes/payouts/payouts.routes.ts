import { createRoute, z } from '@hono/zod-openapi';
import { json, jsonBody, mutation, problems, readOnly, IdempotencyHeaders } from '../../lib/route-kit.ts';
import { Cursor, Id, Limit } from '../../lib/schemas.ts';
import { PAYOUT_STATUSES, PayoutSchema } from '../redemptions/redemptions.schemas.ts';
import { FundParams } from '../subscriptions/subscriptions.routes.ts';

export const PayoutListItemSchema = PayoutSchema.extend({
  redemptionId: z.string(),
  investorId: z.string().nullable(),
}).openapi('PayoutListItem');

export const list = createRoute({
  method: 'get',
  path: '/v1/funds/{fundId}/payouts',
  tags: ['Redemptions'],
  summary: 'Payout instructions of settled redemptions, newest first (keyset-paginated; an investor key sees its own)',
  ...readOnly('redemptions.read'),
  request: { params: FundParams, query: z.object({ status: z.enum(PAYOUT_STATUSES).optional(), limit: Limit, cursor: Cursor }) },
  responses: { 200: json(z.object({ items: z.array(PayoutListItemSchema), nextCursor: z.string().nullable() }), 'One page of payouts'), ...problems(404) },
});

export const retry = createRoute({
  method: 'post',
  path: '/v1/funds/{fundId}/payouts/{payoutId}/retry',
  tags: ['Redemptions'],
  summary: 'Send a held stablecoin payout again, or redirect it to another wallet of the same investor (walletId)',
  description:
    'Only a held payout (undeliverable: no trustline, blacklisted, stablecoin paused) can be retried; nothing was booked for the failed attempt. A redirect may name a wallet on another settlement chain with enough liquidity.',
  ...mutation('redemptions.manage'),
  request: {
    headers: IdempotencyHeaders,
    params: FundParams.extend({ payoutId: Id('pay_0193…') }),
    body: jsonBody(z.strictObject({ walletId: Id('wal_0193…').optional() }).openapi('PayoutRetry')),
  },
  responses: { 202: json(PayoutListItemSchema, 'The payout, sending again'), ...problems(413, 404, 409, 422) },
});

export type ListRoute = typeof list;
export type RetryRoute = typeof retry;
