import { createRoute, z } from '@hono/zod-openapi';
import { IdempotencyHeaders, json, jsonBody, mutation, problems, readOnly } from '../../lib/route-kit.ts';
import { Cursor, Id, Limit } from '../../lib/schemas.ts';
import { CreateEndpointSchema, DeliveryDetailSchema, DeliverySchema, EndpointSchema } from './webhooks.schemas.ts';

const tags = ['Webhooks'];
const EndpointParams = z.object({ endpointId: Id('whe_0193…') });
const DeliveryParams = EndpointParams.extend({ deliveryId: Id('whd_0193…') });

const SIGNING =
  'Each event is POSTed as JSON `{type, timestamp, data}` with the Standard Webhooks headers `webhook-id` (the event id: the same on every retry and replay — deduplicate on it), ' +
  '`webhook-timestamp` (seconds) and `webhook-signature` (`v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<body>">` under the secret), so any Standard Webhooks library verifies it ' +
  '(e.g. `new Webhook(secret).verify(body, headers)` of the `standardwebhooks` package). A 2xx answer acknowledges; anything else, a timeout (10 s) or a network error is retried with ' +
  'exponential backoff (5 s doubling, at most 1 h apart, 30 attempts) until acknowledged. Delivery is at least once: a worker that dies after the receiver answered may send it again.';

export const create = createRoute({
  method: 'post',
  path: '/v1/webhooks',
  tags,
  summary: 'Register a webhook endpoint for some event types; the signing secret is returned once',
  description: `${SIGNING} The secret (\`whsec_…\`) is in this response only: it is stored encrypted (AES-256-GCM) and never shown or logged again; a replay of this request answers \`secret: null\`.`,
  ...mutation('webhooks.manage'),
  request: { headers: IdempotencyHeaders, body: jsonBody(CreateEndpointSchema) },
  responses: {
    201: json(
      z.object({
        endpoint: EndpointSchema,
        secret: z
          .string()
          .nullable()
          .openapi({ description: 'Standard Webhooks secret; null on an idempotent replay', example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' }),
        note: z.string().optional(),
      }),
      'The endpoint and its secret',
    ),
    ...problems(),
  },
});

export const list = createRoute({
  method: 'get',
  path: '/v1/webhooks',
  tags,
  summary: 'Webhook endpoints, newest first (keyset-paginated)',
  ...readOnly('webhooks.read'),
  request: { query: z.object({ limit: Limit, cursor: Cursor }) },
  responses: { 200: json(z.object({ items: z.array(EndpointSchema), nextCursor: z.string().nullable() }), 'Endpoints'), ...problems() },
});

export const get = createRoute({
  method: 'get',
  path: '/v1/webhooks/{endpointId}',
  tags,
  summary: 'One webhook endpoint (never its secret)',
  ...readOnly('webhooks.read'),
  request: { params: EndpointParams },
  responses: { 200: json(EndpointSchema, 'The endpoint'), ...problems(404) },
});

export const disable = createRoute({
  method: 'delete',
  path: '/v1/webhooks/{endpointId}',
  tags,
  summary: 'Disable an endpoint: its pending deliveries are cancelled and nothing more is sent (idempotent)',
  ...mutation('webhooks.manage'),
  request: { headers: IdempotencyHeaders, params: EndpointParams },
  responses: { 200: json(EndpointSchema, 'The disabled endpoint'), ...problems(404) },
});

export const deliveries = createRoute({
  method: 'get',
  path: '/v1/webhooks/{endpointId}/deliveries',
  tags,
  summary: 'The delivery log of an endpoint: one row per event, its state, attempts and last answer (newest first)',
  ...readOnly('webhooks.read'),
  request: {
    params: EndpointParams,
    query: z.object({ state: z.enum(['pending', 'delivered', 'failed', 'cancelled']).optional(), limit: Limit, cursor: Cursor }),
  },
  responses: { 200: json(z.object({ items: z.array(DeliverySchema), nextCursor: z.string().nullable() }), 'Deliveries'), ...problems(404) },
});

export const delivery = createRoute({
  method: 'get',
  path: '/v1/webhooks/{endpointId}/deliveries/{deliveryId}',
  tags,
  summary: 'One delivery: the body sent and every attempt (HTTP status or network error)',
  ...readOnly('webhooks.read'),
  request: { params: DeliveryParams },
  responses: { 200: json(DeliveryDetailSchema, 'The delivery'), ...problems(404) },
});

export const replay = createRoute({
  method: 'post',
  path: '/v1/webhooks/{endpointId}/deliveries/{deliveryId}/replay',
  tags,
  summary: 'Send a delivery again now, whatever its state (same webhook-id; a fresh retry schedule)',
  ...mutation('webhooks.manage'),
  request: { headers: IdempotencyHeaders, params: DeliveryParams },
  responses: { 202: json(DeliverySchema, 'Queued again'), ...problems(404, 409) },
});

export const replayMany = createRoute({
  method: 'post',
  path: '/v1/webhooks/{endpointId}/replay',
  tags,
  summary: 'Send again every delivery of an endpoint in some states (default: failed), optionally since a time — e.g. after fixing a receiver',
  ...mutation('webhooks.manage'),
  request: {
    headers: IdempotencyHeaders,
    params: EndpointParams,
    body: jsonBody(
      z
        .strictObject({
          states: z
            .array(z.enum(['delivered', 'failed', 'cancelled']))
            .min(1)
            .optional()
            .openapi({ description: 'Default ["failed"]' }),
          since: z.iso.datetime({ offset: true }).optional().openapi({ description: 'Only deliveries queued at or after this instant' }),
        })
        .openapi('WebhookReplay'),
    ),
  },
  responses: { 202: json(z.object({ replayed: z.int() }), 'How many deliveries were queued again'), ...problems(404, 409) },
});

export type CreateRoute = typeof create;
export type ListRoute = typeof list;
export type GetRoute = typeof get;
export type DisableRoute = typeof disable;
export type DeliveriesRoute = typeof deliveries;
export type DeliveryRoute = typeof delivery;
export type ReplayRoute = typeof replay;
export type ReplayManyRoute = typeof replayMany;
