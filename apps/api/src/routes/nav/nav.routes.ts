import { createRoute, z } from '@hono/zod-openapi';
import { IdempotencyHeaders, json, jsonBody, mutation, problems, readOnly } from '../../lib/route-kit.ts';
import { Id, Limit } from '../../lib/schemas.ts';
import { OperationSchema } from '../operations/operations.schemas.ts';
import { NavGuardsPatch, NavGuardsSchema, NavPublicationSchema, NavText } from './nav.schemas.ts';

const tags = ['NAV'];
const FundParams = z.object({ fundId: Id('fund_0193…') });

export const NavStateSchema = z
  .object({
    current: NavPublicationSchema.nullable(),
    guards: NavGuardsSchema,
    history: z.array(NavPublicationSchema).openapi({ description: 'Newest first (includes current)' }),
    nextCursor: z.string().nullable().openapi({ description: 'Pass as `before` for older rounds' }),
  })
  .openapi('NavState');

export const publish = createRoute({
  method: 'post',
  path: '/v1/funds/{fundId}/nav',
  tags,
  summary: 'Publish a NAV (guarded: max move, min interval) and mirror it on every chain with a NAV feed',
  ...mutation('nav.publish'),
  request: {
    headers: IdempotencyHeaders,
    params: FundParams,
    body: jsonBody(z.strictObject({ nav: NavText, reason: z.string().min(1).max(500).optional() }).openapi('PublishNav')),
  },
  responses: {
    201: json(z.object({ publication: NavPublicationSchema, operations: z.array(OperationSchema) }), 'The new round and its chain operations'),
    ...problems(404, 409, 422),
  },
});

export const get = createRoute({
  method: 'get',
  path: '/v1/funds/{fundId}/nav',
  tags,
  summary: 'Current NAV, guards and history',
  ...readOnly('nav.read'),
  request: {
    params: FundParams,
    query: z.object({
      limit: Limit,
      before: z
        .string()
        .regex(/^\d{1,19}$/)
        .optional(),
    }),
  },
  responses: { 200: json(NavStateSchema, 'NAV state'), ...problems(404) },
});

export const updateGuards = createRoute({
  method: 'patch',
  path: '/v1/funds/{fundId}/nav/guards',
  tags,
  summary: 'Change the NAV guards and the reserve check of a fund',
  ...mutation('nav.publish'),
  request: { headers: IdempotencyHeaders, params: FundParams, body: jsonBody(NavGuardsPatch) },
  responses: { 200: json(NavGuardsSchema, 'The guards now in force'), ...problems(404) },
});

export type PublishRoute = typeof publish;
export type GetRoute = typeof get;
export type UpdateGuardsRoute = typeof updateGuards;
