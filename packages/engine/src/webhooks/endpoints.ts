import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { FiscusError, newId } from '@fiscus/core';
import { schema, type Db } from '@fiscus/ledger';
import { encryptSecret, generateWebhookSecret } from './secret-box.ts';
import type { WebhookEventType } from './types.ts';

const { webhookEndpoints: endpoints, webhookDeliveries: deliveries, webhookEvents: events, webhookAttempts: attempts } = schema;

export type WebhookEndpointRow = typeof endpoints.$inferSelect;
export type WebhookDeliveryRow = typeof deliveries.$inferSelect;
export type WebhookAttemptRow = typeof attempts.$inferSelect;

/** Creates an endpoint; the secret is returned here once and stored only encrypted. */
export async function createWebhookEndpoint(
  db: Db,
  p: { key: Uint8Array; url: string; eventTypes: WebhookEventType[]; description?: string; by: string },
): Promise<{ endpoint: WebhookEndpointRow; secret: string }> {
  const secret = generateWebhookSecret();
  const [endpoint] = await db
    .insert(endpoints)
    .values({
      id: newId('whe'),
      url: p.url,
      eventTypes: [...new Set(p.eventTypes)].sort(),
      description: p.description ?? null,
      secretEnc: encryptSecret(p.key, secret),
      createdBy: p.by,
    })
    .returning();
  return { endpoint: endpoint!, secret };
}

export async function listWebhookEndpoints(db: Db, p: { cursor?: string; limit: number }): Promise<WebhookEndpointRow[]> {
  return db
    .select()
    .from(endpoints)
    .where(p.cursor ? sql`(${endpoints.createdAt}, ${endpoints.id}) < (select c.created_at, c.id from ${endpoints} c where c.id = ${p.cursor})` : undefined)
    .orderBy(desc(endpoints.createdAt), desc(endpoints.id))
    .limit(p.limit);
}

export async function getWebhookEndpoint(db: Db, id: string): Promise<WebhookEndpointRow> {
  const [row] = await db.select().from(endpoints).where(eq(endpoints.id, id));
  if (!row) throw new FiscusError('NOT_FOUND', `webhook endpoint ${id} not found`, { meta: { endpointId: id } });
  return row;
}

/** Disables an endpoint: nothing more is queued for it and its pending deliveries are cancelled. Idempotent. */
export async function disableWebhookEndpoint(db: Db, id: string): Promise<WebhookEndpointRow> {
  await getWebhookEndpoint(db, id);
  const [row] = await db.update(endpoints).set({ active: false, updatedAt: sql`now()` }).where(eq(endpoints.id, id)).returning();
  await db
    .update(deliveries)
    .set({ state: 'cancelled', leaseUntil: null, updatedAt: sql`now()` })
    .where(and(eq(deliveries.endpointId, id), eq(deliveries.state, 'pending')));
  return row!;
}

export interface DeliveryView {
  delivery: WebhookDeliveryRow;
  eventType: string;
  occurredAt: Date;
}

/** The delivery log of one endpoint, newest first. */
export async function listWebhookDeliveries(db: Db, p: { endpointId: string; state?: string; cursor?: string; limit: number }): Promise<DeliveryView[]> {
  const rows = await db
    .select({ delivery: deliveries, eventType: events.type, occurredAt: events.occurredAt })
    .from(deliveries)
    .innerJoin(events, eq(events.id, deliveries.eventId))
    .where(
      and(
        eq(deliveries.endpointId, p.endpointId),
        p.state ? eq(deliveries.state, p.state as WebhookDeliveryRow['state']) : undefined,
        p.cursor ? sql`(${deliveries.createdAt}, ${deliveries.id}) < (select c.created_at, c.id from ${deliveries} c where c.id = ${p.cursor})` : undefined,
      ),
    )
    .orderBy(desc(deliveries.createdAt), desc(deliveries.id))
    .limit(p.limit);
  return rows;
}

/** One delivery with its event and every attempt (oldest first). */
export async function getWebhookDelivery(db: Db, p: { endpointId: string; deliveryId: string }) {
  const [row] = await db
    .select({ delivery: deliveries, event: events })
    .from(deliveries)
    .innerJoin(events, eq(events.id, deliveries.eventId))
    .where(and(eq(deliveries.id, p.deliveryId), eq(deliveries.endpointId, p.endpointId)));
  if (!row) throw new FiscusError('NOT_FOUND', `delivery ${p.deliveryId} not found`, { meta: { deliveryId: p.deliveryId } });
  const log = await db.select().from(attempts).where(eq(attempts.deliveryId, row.delivery.id)).orderBy(attempts.at, attempts.attempt);
  return { ...row, attempts: log };
}

/**
 * Sends a delivery again (the same `webhook-id`: receivers that already processed it can tell).
 * A fresh retry schedule; refused for a disabled endpoint (409).
 */
export async function replayWebhookDeliveries(
  db: Db,
  p: { endpointId: string; deliveryIds?: string[]; states?: WebhookDeliveryRow['state'][]; since?: Date },
): Promise<number> {
  const endpoint = await getWebhookEndpoint(db, p.endpointId);
  if (!endpoint.active) throw new FiscusError('CONFLICT', `webhook endpoint ${endpoint.id} is disabled`, { meta: { endpointId: endpoint.id } });
  const rows = await db
    .update(deliveries)
    .set({ state: 'pending', attempts: 0, nextAttemptAt: sql`now()`, leaseUntil: null, updatedAt: sql`now()` })
    .where(
      and(
        eq(deliveries.endpointId, endpoint.id),
        p.deliveryIds ? inArray(deliveries.id, p.deliveryIds) : undefined,
        p.states ? inArray(deliveries.state, p.states) : undefined,
        p.since ? sql`${deliveries.createdAt} >= ${p.since.toISOString()}` : undefined,
      ),
    )
    .returning({ id: deliveries.id });
  return rows.length;
}
