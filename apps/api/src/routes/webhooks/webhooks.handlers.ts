import {
  createWebhookEndpoint,
  disableWebhookEndpoint,
  getWebhookDelivery,
  getWebhookEndpoint,
  listWebhookDeliveries,
  listWebhookEndpoints,
  replayWebhookDeliveries,
} from '@fiscus/engine';
import { FiscusError } from '@fiscus/core';
import { appendAudit } from '@fiscus/ledger';
import type { AppRouteHandler } from '../../lib/types.ts';
import type { CreateRoute, DeliveriesRoute, DeliveryRoute, DisableRoute, GetRoute, ListRoute, ReplayManyRoute, ReplayRoute } from './webhooks.routes.ts';
import { presentAttempt, presentDelivery, presentEndpoint } from './webhooks.schemas.ts';

const keyOf = (c: { var: { deps: { webhookKey?: Uint8Array } } }): Uint8Array => {
  if (!c.var.deps.webhookKey) throw new FiscusError('INTERNAL', 'no webhook key configured');
  return c.var.deps.webhookKey;
};

export const create: AppRouteHandler<CreateRoute> = async (c) => {
  const body = c.req.valid('json');
  const { endpoint, secret } = await createWebhookEndpoint(c.var.db, {
    key: keyOf(c),
    url: body.url,
    eventTypes: body.eventTypes,
    description: body.description,
    by: c.var.principal.keyId,
  });
  // The audit keeps the origin only (a path may hold a token) and never the secret.
  await appendAudit(c.var.db, {
    actor: c.var.principal.keyId,
    action: 'webhook.created',
    subject: endpoint.id,
    data: { origin: new URL(endpoint.url).origin, eventTypes: endpoint.eventTypes },
  });
  // The idempotency record must not hold a usable secret: a replay says it was shown once.
  c.set('replayBody', {
    endpoint: presentEndpoint(endpoint),
    secret: null,
    note: 'the secret was shown once, in the first response; disable this endpoint and create another if it was lost',
  });
  return c.json({ endpoint: presentEndpoint(endpoint), secret }, 201);
};

export const list: AppRouteHandler<ListRoute> = async (c) => {
  const q = c.req.valid('query');
  const rows = await listWebhookEndpoints(c.var.db, q);
  return c.json({ items: rows.map(presentEndpoint), nextCursor: rows.length === q.limit ? rows.at(-1)!.id : null }, 200);
};

export const get: AppRouteHandler<GetRoute> = async (c) => c.json(presentEndpoint(await getWebhookEndpoint(c.var.db, c.req.valid('param').endpointId)), 200);

export const disable: AppRouteHandler<DisableRoute> = async (c) => {
  const row = await disableWebhookEndpoint(c.var.db, c.req.valid('param').endpointId);
  await appendAudit(c.var.db, { actor: c.var.principal.keyId, action: 'webhook.disabled', subject: row.id, data: {} });
  return c.json(presentEndpoint(row), 200);
};

export const deliveries: AppRouteHandler<DeliveriesRoute> = async (c) => {
  const endpoint = await getWebhookEndpoint(c.var.db, c.req.valid('param').endpointId);
  const q = c.req.valid('query');
  const rows = await listWebhookDeliveries(c.var.db, { endpointId: endpoint.id, ...q });
  return c.json({ items: rows.map(presentDelivery), nextCursor: rows.length === q.limit ? rows.at(-1)!.delivery.id : null }, 200);
};

export const delivery: AppRouteHandler<DeliveryRoute> = async (c) => {
  const { endpointId, deliveryId } = c.req.valid('param');
  const d = await getWebhookDelivery(c.var.db, { endpointId, deliveryId });
  return c.json(
    {
      ...presentDelivery({ delivery: d.delivery, eventType: d.event.type, occurredAt: d.event.occurredAt }),
      payload: { type: d.event.type, timestamp: d.event.occurredAt.toISOString(), data: d.event.payload },
      attemptLog: d.attempts.map(presentAttempt),
    },
    200,
  );
};

export const replay: AppRouteHandler<ReplayRoute> = async (c) => {
  const { endpointId, deliveryId } = c.req.valid('param');
  await getWebhookDelivery(c.var.db, { endpointId, deliveryId });
  await replayWebhookDeliveries(c.var.db, { endpointId, deliveryIds: [deliveryId] });
  await appendAudit(c.var.db, { actor: c.var.principal.keyId, action: 'webhook.replayed', subject: endpointId, data: { deliveryIds: [deliveryId] } });
  const d = await getWebhookDelivery(c.var.db, { endpointId, deliveryId });
  return c.json(presentDelivery({ delivery: d.delivery, eventType: d.event.type, occurredAt: d.event.occurredAt }), 202);
};

export const replayMany: AppRouteHandler<ReplayManyRoute> = async (c) => {
  const { endpointId } = c.req.valid('param');
  const body = c.req.valid('json');
  const replayed = await replayWebhookDeliveries(c.var.db, {
    endpointId,
    states: body.states ?? ['failed'],
    since: body.since ? new Date(body.since) : undefined,
  });
  await appendAudit(c.var.db, {
    actor: c.var.principal.keyId,
    action: 'webhook.replayed',
    subject: endpointId,
    data: { states: body.states ?? ['failed'], since: body.since ?? null, replayed },
  });
  return c.json({ replayed }, 202);
};
