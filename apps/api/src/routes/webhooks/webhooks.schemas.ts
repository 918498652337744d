import { z } from '@hono/zod-openapi';
import { WEBHOOK_EVENT_TYPES, type DeliveryView, type WebhookAttemptRow, type WebhookEndpointRow } from '@fiscus/engine';
import { iso, Timestamp } from '../../lib/schemas.ts';

export const EventType = z.enum(WEBHOOK_EVENT_TYPES).openapi('WebhookEventType', {
  description:
    'operation.state_changed (every transition of an operation), reconciliation.drift, redemption.settled (payout instructed), move.completed, ' +
    'distribution.completed (completed or partially_failed), fund.halted (supply invariant broken), investor.kyc_expiring (a verified KYC expires within 30 days)',
});

const OCTET = '(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])';
const PORT = '(6553[0-5]|655[0-2][0-9]|65[0-4][0-9]{2}|6[0-4][0-9]{3}|[1-5][0-9]{4}|[1-9][0-9]{0,3})';
/**
 * http(s), a host name whose last label starts with a letter (a numeric last label would be read
 * as an IPv4 address) or a dotted IPv4 address, an optional port, path and query: every string
 * it matches is a URL the server accepts, so the document states the whole rule.
 */
export const WEBHOOK_URL_PATTERN = `^https?://(?![^/?]*[xX][nN]--)(([A-Za-z0-9-]+\\.)*[A-Za-z][A-Za-z0-9-]*|${OCTET}(\\.${OCTET}){3})(:${PORT})?(/[A-Za-z0-9._~%!$&'()*+,;=:@/-]*)?(\\?[A-Za-z0-9._~%!$&'()*+,;=:@/?-]*)?$`;

export const CreateEndpointSchema = z
  .strictObject({
    url: z
      .string()
      .max(2048)
      .regex(new RegExp(WEBHOOK_URL_PATTERN))
      .refine((u) => URL.canParse(u), 'not a URL')
      .openapi({
        example: 'https://backoffice.example.com/fiscus/webhooks',
        description: 'http(s) URL that receives a POST per event; use https outside a private network',
      }),
    eventTypes: z.array(EventType).min(1).max(WEBHOOK_EVENT_TYPES.length).openapi({ description: 'The event types this endpoint receives' }),
    description: z.string().min(1).max(200).optional(),
  })
  .openapi('CreateWebhookEndpoint');

export const EndpointSchema = z
  .object({
    id: z.string().openapi({ example: 'whe_0193…' }),
    url: z.string(),
    eventTypes: z.array(z.string()),
    description: z.string().nullable(),
    active: z.boolean().openapi({ description: 'false once disabled (DELETE): nothing more is sent to it' }),
    createdBy: z.string(),
    createdAt: Timestamp,
  })
  .openapi('WebhookEndpoint');

export const DeliverySchema = z
  .object({
    id: z.string().openapi({ example: 'whd_0193…' }),
    eventId: z.string().openapi({ description: 'The `webhook-id` header: the same for every attempt and replay of this event' }),
    eventType: z.string(),
    occurredAt: Timestamp,
    state: z.enum(['pending', 'delivered', 'failed', 'cancelled']).openapi({
      description:
        'pending (retried with exponential backoff until a 2xx) → delivered; failed after the last attempt; cancelled when the endpoint was disabled. A replay makes it pending again.',
    }),
    attempts: z.int(),
    nextAttemptAt: Timestamp.nullable().openapi({ description: 'When a pending delivery is tried next' }),
    lastStatus: z.int().nullable().openapi({ description: 'HTTP status of the last attempt; null when no answer (network error, timeout)' }),
    lastError: z.string().nullable(),
    deliveredAt: Timestamp.nullable(),
    createdAt: Timestamp,
  })
  .openapi('WebhookDelivery');

export const AttemptSchema = z.object({ attempt: z.int(), status: z.int().nullable(), error: z.string().nullable(), at: Timestamp }).openapi('WebhookAttempt');

export const DeliveryDetailSchema = DeliverySchema.extend({
  payload: z
    .object({ type: z.string(), timestamp: Timestamp, data: z.record(z.string(), z.unknown()) })
    .openapi({ description: 'The body every attempt sends' }),
  attemptLog: z.array(AttemptSchema),
}).openapi('WebhookDeliveryDetail');

export const presentEndpoint = (e: WebhookEndpointRow): z.infer<typeof EndpointSchema> => ({
  id: e.id,
  url: e.url,
  eventTypes: e.eventTypes,
  description: e.description,
  active: e.active,
  createdBy: e.createdBy,
  createdAt: iso(e.createdAt)!,
});

export const presentDelivery = (v: DeliveryView): z.infer<typeof DeliverySchema> => ({
  id: v.delivery.id,
  eventId: v.delivery.eventId,
  eventType: v.eventType,
  occurredAt: iso(v.occurredAt)!,
  state: v.delivery.state,
  attempts: v.delivery.attempts,
  nextAttemptAt: v.delivery.state === 'pending' ? iso(v.delivery.nextAttemptAt) : null,
  lastStatus: v.delivery.lastStatus,
  lastError: v.delivery.lastError,
  deliveredAt: iso(v.delivery.deliveredAt),
  createdAt: iso(v.delivery.createdAt)!,
});

export const presentAttempt = (a: WebhookAttemptRow) => ({ attempt: a.attempt, status: a.status, error: a.error, at: iso(a.at)! });
