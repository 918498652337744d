import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, expect, it } from 'vitest';
import { Webhook } from 'standardwebhooks';
import { createDb, schema } from '@fiscus/ledger';
import { describeEachBackend } from '@fiscus/ledger/testing';
import { runTsChild } from '../testing/spawn.ts';
import { createWebhookEndpoint, recordWebhookEvents } from './index.ts';
import { startWebhookReceiver } from './testing/receiver.ts';

const dir = mkdtempSync(join(tmpdir(), 'fiscus-wh-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeEachBackend('webhooks: a delivery worker killed with SIGKILL mid-request', (backend) => {
  it('every event is acknowledged exactly once: the acknowledged ones are not sent again, the one in flight is', async () => {
    const created = await backend.create();
    const key = randomBytes(32);
    const pidFile = join(dir, `${backend.name}.pid`);
    let killed = false;
    // The third request is held and its sender killed: that event was never acknowledged.
    const receiver = await startWebhookReceiver((_w, i) => {
      if (i !== 2) return 200;
      killed = true;
      process.kill(Number(readFileSync(pidFile, 'utf8')), 'SIGKILL');
      return 'hold';
    });
    try {
      let database = await createDb({ ...created.options, migrate: false });
      const { secret } = await createWebhookEndpoint(database.db, { key, url: receiver.url, eventTypes: ['fund.halted'], by: 'test' });
      const ids = ['a', 'b', 'c', 'd', 'e'].map((x) => `evt_test_${x}`);
      await recordWebhookEvents(
        database.db,
        ids.map((id) => ({ id, type: 'fund.halted' as const, fundId: null, payload: { id }, occurredAt: new Date(Date.now() + 1000) })),
      );
      await database.close();

      const env = { FISCUS_DB: JSON.stringify({ ...created.options, migrate: false }), WEBHOOK_KEY: key.toString('hex'), PID_FILE: pidFile };
      const child = { module: join(import.meta.dirname, 'testing/deliver-child.ts'), label: 'webhook child', env, timeoutMs: 60_000 };
      const crashed = await runTsChild(child);
      expect([killed, crashed.signal], crashed.output).toEqual([true, 'SIGKILL']);
      expect(receiver.acknowledged()).toHaveLength(2);

      const resumed = await runTsChild(child);
      expect(resumed.code, resumed.output).toBe(0);

      const acked = receiver.acknowledged();
      expect([...acked].sort()).toEqual(ids); // each once: nothing acknowledged was sent again
      const inFlight = receiver.received[2]!.headers['webhook-id'];
      expect(receiver.received.filter((w) => w.headers['webhook-id'] === inFlight)).toHaveLength(2); // held, then resent
      expect(receiver.received).toHaveLength(6);
      const wh = new Webhook(secret);
      for (const w of receiver.received) expect(wh.verify(w.body, w.headers)).toMatchObject({ type: 'fund.halted' });

      database = await createDb({ ...created.options, migrate: false });
      const rows = await database.db.select().from(schema.webhookDeliveries);
      expect(rows.map((r) => r.state)).toEqual(Array(5).fill('delivered'));
      expect((await database.db.select().from(schema.webhookAttempts)).length).toBe(5); // the killed attempt left no log row: 6 requests, 5 outcomes
      await database.close();
    } finally {
      await receiver.close();
      await created.drop();
    }
  });
});
