import { createRoute, z } from '@hono/zod-openapi';
import { json, problems, readOnly } from '../../lib/route-kit.ts';
import { Cursor, Limit } from '../../lib/schemas.ts';
import { PayoutSchema } from '../redemptions/redemptions.schemas.ts';
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
  request: { params: FundParams, query: z.object({ status: z.enum(['instructed', 'confirmed']).optional(), limit: Limit, cursor: Cursor }) },
  responses: { 200: json(z.object({ items: z.array(PayoutListItemSchema), nextCursor: z.string().nullable() }), 'One page of payouts'), ...problems(404) },
});

export type ListRoute = typeof list;
