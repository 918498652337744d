import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, boolean } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './columns.ts';

/**
 * Webhook endpoints (Standard Webhooks). The signing secret is stored only encrypted
 * (AES-256-GCM under FISCUS_WEBHOOK_KEY, packages/engine/src/webhooks/secret-box.ts): a database
 * dump alone cannot forge a delivery.
 */
export const webhookEndpoints = pgTable('webhook_endpoints', {
  id: text('id').primaryKey(),
  url: text('url').notNull(),
  /** The event types this endpoint receives (packages/engine/src/webhooks/types.ts). */
  eventTypes: jsonb('event_types').$type<string[]>().notNull(),
  description: text('description'),
  /** `v1:<iv>:<tag>:<ciphertext>` (base64 parts). */
  secretEnc: text('secret_enc').notNull(),
  active: boolean('active').notNull().default(true),
  createdBy: text('created_by').notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/**
 * The outbox of events. The id is derived from what happened (e.g. `evt_op_<operation event
 * id>`), so the producer may look at the same source row twice (after a crash, or in two
 * workers) and still record the event once: it is the `webhook-id` receivers deduplicate on.
 */
export const webhookEvents = pgTable(
  'webhook_events',
  {
    id: text('id').primaryKey(),
    type: text('type').notNull(),
    fundId: text('fund_id'),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('webhook_events_created').on(t.createdAt)],
);

/**
 * One event for one endpoint: pending (retried with exponential backoff until a 2xx) →
 * delivered, or failed after the last attempt, or cancelled (endpoint disabled). A replay puts
 * it back to pending. `leaseUntil` keeps two workers from sending it at once.
 */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: text('id').primaryKey(),
    endpointId: text('endpoint_id')
      .notNull()
      .references(() => webhookEndpoints.id),
    eventId: text('event_id')
      .notNull()
      .references(() => webhookEvents.id),
    state: text('state').$type<'pending' | 'delivered' | 'failed' | 'cancelled'>().notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    lastStatus: integer('last_status'),
    lastError: text('last_error'),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('webhook_deliveries_endpoint_event').on(t.endpointId, t.eventId),
    index('webhook_deliveries_due').on(t.state, t.nextAttemptAt),
    index('webhook_deliveries_endpoint').on(t.endpointId, t.createdAt),
  ],
);

/** The delivery log: every HTTP attempt, append-only (status, or the network error). */
export const webhookAttempts = pgTable(
  'webhook_attempts',
  {
    id: text('id').primaryKey(),
    deliveryId: text('delivery_id')
      .notNull()
      .references(() => webhookDeliveries.id),
    attempt: integer('attempt').notNull(),
    status: integer('status'),
    error: text('error'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('webhook_attempts_delivery').on(t.deliveryId, t.at)],
);

/** Per event source, how far the producer has looked (it re-reads a margin before it). */
export const webhookCursors = pgTable('webhook_cursors', {
  source: text('source').primaryKey(),
  position: timestamp('position', { withTimezone: true }).notNull(),
  updatedAt: updatedAt(),
});
