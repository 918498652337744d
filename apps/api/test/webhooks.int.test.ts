import { afterAll, beforeAll, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import { deliverDueWebhooks, produceWebhookEvents, WEBHOOK_DEFAULTS, type WebhookOptions } from '@fiscus/engine';
import { startWebhookReceiver, type WebhookReceiver } from '@fiscus/engine/testing';
import { schema } from '@fiscus/ledger';
import { describeEachBackend } from '@fiscus/ledger/testing';
import { startHarness, type Harness } from './support/harness.ts';
import { createFund, createInvestor, deployFund } from './support/seed.ts';

const OPTIONS: WebhookOptions = { ...WEBHOOK_DEFAULTS, backoff: { baseMs: 10, maxMs: 40 } };
const silent = { info() {}, warn() {}, error() {} };

/** What the worker's webhook task does, by hand: record events, send what is due. */
async function pump(h: Harness, endpointId: string, until: () => boolean = () => false): Promise<void> {
  for (let i = 0; i < 400; i++) {
    await produceWebhookEvents(h.db, OPTIONS);
    await deliverDueWebhooks(h.db, { key: h.webhookKey, logger: silent, options: OPTIONS });
    const pending = await h.db.select().from(schema.webhookDeliveries).where(eq(schema.webhookDeliveries.state, 'pending'));
    if (pending.filter((d) => d.endpointId === endpointId).length === 0 && until()) return;
    await new Promise((r) => setTimeout(r, 15));
  }
  throw new Error('webhooks did not drain');
}

async function fundWithOperations(h: Harness): Promise<string> {
  const fundId = await createFund(h);
  await deployFund(h, fundId); // a deploy operation, worked to its end: several transitions
  return fundId;
}

describeEachBackend('webhooks over the API, to a receiver on 127.0.0.1', (backend) => {
  let h: Harness;
  const receivers: WebhookReceiver[] = [];
  beforeAll(async () => {
    h = await startHarness(backend);
  });
  afterAll(async () => {
    await Promise.all(receivers.map((r) => r.close()));
    await h?.close();
  });

  it('signs every delivery per Standard Webhooks; the secret is shown once and stored encrypted', async () => {
    const receiver = await startWebhookReceiver();
    receivers.push(receiver);
    const idem = 'wh-create-1';
    const body = { url: receiver.url, eventTypes: ['operation.state_changed'], description: 'back office' };
    const created = await h.call('POST', '/v1/webhooks', { body, idem });
    expect(created.status, created.text).toBe(201);
    const { endpoint, secret } = created.body;
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const replay = await h.call('POST', '/v1/webhooks', { body, idem });
    expect([replay.status, replay.body.secret, replay.body.endpoint.id]).toEqual([201, null, endpoint.id]);
    // Never shown again, never stored in clear (the row, the idempotency record, the audit log).
    const reads = [await h.call('GET', `/v1/webhooks/${endpoint.id}`), await h.call('GET', '/v1/webhooks'), await h.call('GET', '/v1/audit?limit=200')];
    for (const r of reads) expect(r.text).not.toContain(secret.slice(6));
    const [row] = await h.db.select().from(schema.webhookEndpoints).where(eq(schema.webhookEndpoints.id, endpoint.id));
    expect(row!.secretEnc).toMatch(/^v1:/);
    expect(row!.secretEnc).not.toContain(secret.slice(6));
    expect(JSON.stringify(await h.db.select().from(schema.idempotencyKeys))).not.toContain(secret.slice(6));

    const fundId = await fundWithOperations(h);
    const [deploy] = await h.db.select().from(schema.operations).where(eq(schema.operations.fundId, fundId));
    const transitions = await h.db.select().from(schema.operationEvents).where(eq(schema.operationEvents.operationId, deploy!.id));
    await pump(h, endpoint.id, () => receiver.acknowledged().length >= transitions.length);

    const wh = new Webhook(secret);
    const mine = receiver.received.map((w) => ({
      w,
      msg: wh.verify(w.body, w.headers) as { type: string; data: { operationId: string; from: string | null; to: string } },
    }));
    const forDeploy = mine.filter((m) => m.msg.data.operationId === deploy!.id);
    expect(forDeploy.map((m) => m.msg.data.to)).toEqual(expect.arrayContaining(transitions.map((t) => t.toState)));
    expect(forDeploy.at(-1)!.msg.data.to).toBe('posted');
    for (const { w } of mine) {
      expect(w.headers['webhook-id']).toMatch(/^evt_op_\d+$/);
      expect(Number(w.headers['webhook-timestamp'])).toBeGreaterThan(1_700_000_000);
    }
    // A forged or altered body does not verify.
    const first = receiver.received[0]!;
    expect(() => wh.verify(first.body.replace('"operation.state_changed"', '"fund.halted"'), first.headers)).toThrow();
    expect(() => new Webhook(`whsec_${Buffer.alloc(32, 7).toString('base64')}`).verify(first.body, first.headers)).toThrow();

    // The delivery log, and a replay that sends the same webhook-id again.
    const log = await h.call('GET', `/v1/webhooks/${endpoint.id}/deliveries?limit=200`);
    expect(log.status).toBe(200);
    expect(log.body.items.length).toBe(receiver.acknowledged().length);
    expect(new Set(log.body.items.map((d: { state: string }) => d.state))).toEqual(new Set(['delivered']));
    const one = log.body.items[0];
    const detail = await h.call('GET', `/v1/webhooks/${endpoint.id}/deliveries/${one.id}`);
    expect(detail.body.attemptLog).toEqual([expect.objectContaining({ attempt: 1, status: 200, error: null })]);
    expect(detail.body.payload.type).toBe('operation.state_changed');
    const again = await h.call('POST', `/v1/webhooks/${endpoint.id}/deliveries/${one.id}/replay`);
    expect([again.status, again.body.state]).toEqual([202, 'pending']);
    const before = receiver.received.length;
    await pump(h, endpoint.id, () => receiver.received.length > before);
    expect(receiver.received.at(-1)!.headers['webhook-id']).toBe(one.eventId);

    // Disabled: nothing more is queued or sent to it.
    expect((await h.call('DELETE', `/v1/webhooks/${endpoint.id}`)).body.active).toBe(false);
    const sent = receiver.received.length;
    await fundWithOperations(h);
    await produceWebhookEvents(h.db, OPTIONS);
    await deliverDueWebhooks(h.db, { key: h.webhookKey, logger: silent, options: OPTIONS });
    expect(receiver.received.length).toBe(sent);
    const replayDisabled = await h.call('POST', `/v1/webhooks/${endpoint.id}/replay`, { body: {} });
    expect([replayDisabled.status, replayDisabled.body.code]).toEqual([409, 'CONFLICT']);
  });

  it('a receiver down for a while gets every event, each acknowledged once, when it is back', async () => {
    let down = true;
    const receiver = await startWebhookReceiver(() => (down ? 503 : 204));
    receivers.push(receiver);
    const created = await h.call('POST', '/v1/webhooks', { body: { url: receiver.url, eventTypes: ['operation.state_changed'] } });
    const endpointId = created.body.endpoint.id;
    await fundWithOperations(h);
    await fundWithOperations(h);
    // While it is down: every attempt fails and is rescheduled, nothing is lost or given up.
    for (let i = 0; i < 6; i++) {
      await produceWebhookEvents(h.db, OPTIONS);
      await deliverDueWebhooks(h.db, { key: h.webhookKey, logger: silent, options: OPTIONS });
      await new Promise((r) => setTimeout(r, 20));
    }
    const failing = await h.call('GET', `/v1/webhooks/${endpointId}/deliveries?limit=200&state=pending`);
    expect(failing.body.items.length).toBeGreaterThan(0);
    expect(failing.body.items.every((d: { lastStatus: number | null; attempts: number }) => d.attempts === 0 || d.lastStatus === 503)).toBe(true);
    expect(receiver.acknowledged()).toEqual([]);

    down = false;
    await pump(h, endpointId, () => true);
    const events = await h.db
      .select({ id: schema.webhookDeliveries.eventId, state: schema.webhookDeliveries.state })
      .from(schema.webhookDeliveries)
      .where(eq(schema.webhookDeliveries.endpointId, endpointId));
    expect(events.length).toBeGreaterThan(4);
    expect(new Set(events.map((e) => e.state))).toEqual(new Set(['delivered']));
    const acked = receiver.acknowledged();
    expect([...acked].sort()).toEqual(events.map((e) => e.id).sort()); // every event, once
    expect(receiver.received.length).toBeGreaterThan(acked.length); // the failed attempts before
  });

  it('investor.kyc_expiring: one event per investor and expiry date, however often the worker looks', async () => {
    const receiver = await startWebhookReceiver();
    receivers.push(receiver);
    const created = await h.call('POST', '/v1/webhooks', { body: { url: receiver.url, eventTypes: ['investor.kyc_expiring'] } });
    const endpointId = created.body.endpoint.id;
    const expiresAt = new Date(Date.now() + 5 * 86_400_000).toISOString();
    const soon = await createInvestor(h, { legalName: 'Soon Expiring Ltd', kycExpiresAt: expiresAt });
    await createInvestor(h, { legalName: 'Far Expiring Ltd', kycExpiresAt: new Date(Date.now() + 200 * 86_400_000).toISOString() });
    await pump(h, endpointId, () => receiver.acknowledged().length >= 1);
    for (let i = 0; i < 3; i++) await pump(h, endpointId, () => true);
    const msgs = receiver.received.map(
      (w) => new Webhook(created.body.secret).verify(w.body, w.headers) as { type: string; data: { investorId: string; kycExpiresAt: string } },
    );
    expect(msgs.map((m) => [m.type, m.data.investorId, m.data.kycExpiresAt])).toEqual([['investor.kyc_expiring', soon, expiresAt]]);
  });
});
