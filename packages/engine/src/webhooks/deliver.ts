import { and, eq, inArray, sql } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import { newId } from '@fiscus/core';
import { schema, type Db } from '@fiscus/ledger';
import { backoffDelay } from '../backoff.ts';
import type { EngineLogger } from '../steps/context.ts';
import { decryptSecret } from './secret-box.ts';
import type { WebhookOptions } from './types.ts';

const { webhookEndpoints: endpoints, webhookEvents: events, webhookDeliveries: deliveries, webhookAttempts: attempts } = schema;

interface Claimed {
  id: string;
  attempts: number;
}

/**
 * Claims due deliveries: a lease (not an open transaction) keeps other workers off them while
 * the HTTP request runs, so a slow receiver never holds a database lock; a worker that dies
 * mid-request leaves the lease to expire and another worker sends it again.
 */
async function claim(db: Db, o: WebhookOptions): Promise<Claimed[]> {
  const due = sql`select d.id from ${deliveries} d join ${endpoints} e on e.id = d.endpoint_id
    where d.state = 'pending' and e.active and d.next_attempt_at <= now() and (d.lease_until is null or d.lease_until < now())
    order by d.next_attempt_at limit ${o.batch} for update of d skip locked`;
  return db
    .update(deliveries)
    .set({ leaseUntil: sql`now() + (${o.leaseMs} * interval '1 millisecond')`, attempts: sql`${deliveries.attempts} + 1`, updatedAt: sql`now()` })
    .where(sql`${deliveries.id} in (${due})`)
    .returning({ id: deliveries.id, attempts: deliveries.attempts });
}

interface Outcome {
  status: number | null;
  error: string | null;
}

/** The Standard Webhooks request: body `{type, timestamp, data}`, signed over id.timestamp.body. */
async function send(p: { url: string; secret: string; eventId: string; body: string; timeoutMs: number }): Promise<Outcome> {
  const now = new Date();
  const headers = {
    'content-type': 'application/json',
    'user-agent': 'Fiscus-Webhooks/1',
    'webhook-id': p.eventId,
    'webhook-timestamp': Math.floor(now.getTime() / 1000).toString(),
    'webhook-signature': new Webhook(p.secret).sign(p.eventId, now, p.body),
  };
  try {
    // No redirects: a 3xx is a failed attempt, never a request to wherever it points.
    const res = await fetch(p.url, { method: 'POST', headers, body: p.body, redirect: 'manual', signal: AbortSignal.timeout(p.timeoutMs) });
    await res.body?.cancel();
    return { status: res.status, error: res.status >= 200 && res.status < 300 ? null : `HTTP ${res.status}` };
  } catch (e) {
    const err = e as Error & { cause?: { code?: string } };
    const reason = err.name === 'TimeoutError' ? `no answer within ${p.timeoutMs} ms` : (err.cause?.code ?? err.message.split('\n')[0]!.slice(0, 200));
    return { status: null, error: reason };
  }
}

/**
 * Sends what is due. A 2xx is an acknowledgement: the delivery is done and never sent again
 * (unless replayed). Anything else is retried with exponential backoff until maxAttempts. The
 * outcome is written compare-and-set on the claim's attempt number, so a worker whose lease
 * expired cannot overwrite a newer attempt.
 */
export async function deliverDueWebhooks(db: Db, p: { key: Uint8Array; logger: EngineLogger; options: WebhookOptions }): Promise<number> {
  const claimed = await claim(db, p.options);
  if (claimed.length === 0) return 0;
  const rows = await db
    .select({ id: deliveries.id, url: endpoints.url, secretEnc: endpoints.secretEnc, endpointId: endpoints.id, event: events })
    .from(deliveries)
    .innerJoin(endpoints, eq(endpoints.id, deliveries.endpointId))
    .innerJoin(events, eq(events.id, deliveries.eventId))
    .where(
      inArray(
        deliveries.id,
        claimed.map((c) => c.id),
      ),
    );
  await Promise.all(
    rows.map(async (r) => {
      const attempt = claimed.find((c) => c.id === r.id)!.attempts;
      const body = JSON.stringify({ type: r.event.type, timestamp: r.event.occurredAt.toISOString(), data: r.event.payload });
      const outcome = await send({ url: r.url, secret: decryptSecret(p.key, r.secretEnc), eventId: r.event.id, body, timeoutMs: p.options.timeoutMs });
      await db.insert(attempts).values({ id: newId('wha'), deliveryId: r.id, attempt, status: outcome.status, error: outcome.error });
      const ok = outcome.error === null;
      const giveUp = !ok && attempt >= p.options.maxAttempts;
      await db
        .update(deliveries)
        .set({
          state: ok ? 'delivered' : giveUp ? 'failed' : 'pending',
          deliveredAt: ok ? sql`now()` : null,
          nextAttemptAt: ok || giveUp ? sql`${deliveries.nextAttemptAt}` : new Date(Date.now() + backoffDelay(attempt - 1, p.options.backoff)),
          leaseUntil: null,
          lastStatus: outcome.status,
          lastError: outcome.error,
          updatedAt: sql`now()`,
        })
        .where(and(eq(deliveries.id, r.id), eq(deliveries.attempts, attempt), eq(deliveries.state, 'pending')));
      // The endpoint id and the reason only: the URL may carry credentials, the secret never leaves this function.
      if (!ok)
        p.logger.warn(
          { endpointId: r.endpointId, deliveryId: r.id, eventId: r.event.id, attempt, status: outcome.status, error: outcome.error, gaveUp: giveUp },
          'webhook delivery failed',
        );
    }),
  );
  return rows.length;
}
