import { eq, inArray, sql } from 'drizzle-orm';
import { newId } from '@fiscus/core';
import { schema, type Db } from '@fiscus/ledger';
import { CURSOR_SOURCES, kycExpiring } from './sources.ts';
import type { WebhookEvent, WebhookOptions } from './types.ts';

const { webhookEndpoints: endpoints, webhookEvents: events, webhookDeliveries: deliveries, webhookCursors: cursors } = schema;

/** Source rows read per source per round. */
const SOURCE_PAGE = 500;

interface ActiveEndpoint {
  id: string;
  eventTypes: string[];
  createdAt: Date;
}

/**
 * Records new events in the outbox and queues one delivery per subscribed endpoint, in one
 * transaction (an event is never recorded without its deliveries). Event ids come from the
 * source rows, so a source row read twice — by the look-back, a second worker, or a worker that
 * crashed before moving its cursor — is recorded once. An endpoint gets the events that happened
 * after it was registered.
 */
async function record(db: Db, found: WebhookEvent[], active: ActiveEndpoint[]): Promise<number> {
  const candidates = [...new Map(found.map((e) => [e.id, e])).values()];
  if (candidates.length === 0) return 0;
  // Most re-read rows (look-back, KYC warnings every round) are already recorded: skip them before writing.
  const known = new Set(
    (
      await db
        .select({ id: events.id })
        .from(events)
        .where(
          inArray(
            events.id,
            candidates.map((e) => e.id),
          ),
        )
    ).map((r) => r.id),
  );
  const unique = candidates.filter((e) => !known.has(e.id));
  if (unique.length === 0) return 0;
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(events)
      .values(unique.map((e) => ({ id: e.id, type: e.type, fundId: e.fundId, payload: e.payload, occurredAt: e.occurredAt })))
      .onConflictDoNothing()
      .returning({ id: events.id, type: events.type, occurredAt: events.occurredAt });
    const queued = inserted.flatMap((e) =>
      active
        .filter((ep) => ep.eventTypes.includes(e.type) && ep.createdAt.getTime() <= e.occurredAt.getTime())
        .map((ep) => ({ id: newId('whd'), endpointId: ep.id, eventId: e.id, state: 'pending' as const })),
    );
    if (queued.length > 0) await tx.insert(deliveries).values(queued).onConflictDoNothing();
    return inserted.length;
  });
}

/** Records events as a source would (tests, and events raised by code rather than read from rows). */
export async function recordWebhookEvents(db: Db, found: WebhookEvent[]): Promise<number> {
  const active = await db
    .select({ id: endpoints.id, eventTypes: endpoints.eventTypes, createdAt: endpoints.createdAt })
    .from(endpoints)
    .where(eq(endpoints.active, true));
  return record(db, found, active);
}

/** One producer round over every source with a subscriber; returns the events recorded. */
export async function produceWebhookEvents(db: Db, o: Pick<WebhookOptions, 'lookbackMs' | 'kycWarningMs'>, now = new Date()): Promise<number> {
  const active: ActiveEndpoint[] = await db
    .select({ id: endpoints.id, eventTypes: endpoints.eventTypes, createdAt: endpoints.createdAt })
    .from(endpoints)
    .where(eq(endpoints.active, true));
  if (active.length === 0) return 0;
  let recorded = 0;
  for (const source of CURSOR_SOURCES) {
    const subscribed = active.filter((e) => e.eventTypes.includes(source.type));
    if (subscribed.length === 0) continue;
    const [cursor] = await db.select().from(cursors).where(eq(cursors.source, source.type));
    // First round for this type: from the first subscriber's registration (nothing older is owed).
    const position = cursor?.position ?? new Date(Math.min(...subscribed.map((e) => e.createdAt.getTime())) - 1);
    const forward = await source.read(db, position, undefined, SOURCE_PAGE);
    // Rows stamped before the cursor but committed after it moved (a longer transaction).
    const late = await source.read(db, new Date(position.getTime() - o.lookbackMs), position, SOURCE_PAGE);
    recorded += await record(db, [...late, ...forward], active);
    const next = forward.reduce((max, e) => (e.occurredAt > max ? e.occurredAt : max), position);
    if (!cursor || next > position) {
      await db
        .insert(cursors)
        .values({ source: source.type, position: next })
        .onConflictDoUpdate({ target: cursors.source, set: { position: sql`greatest(${cursors.position}, excluded.position)`, updatedAt: sql`now()` } });
    }
  }
  if (active.some((e) => e.eventTypes.includes('investor.kyc_expiring'))) {
    recorded += await record(db, await kycExpiring(db, { now, warningMs: o.kycWarningMs, limit: SOURCE_PAGE }), active);
  }
  return recorded;
}
