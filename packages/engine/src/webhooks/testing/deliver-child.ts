/**
 * A webhook delivery worker in its own process, for the crash test: env FISCUS_DB (createDb
 * options), WEBHOOK_KEY (hex), PID_FILE (written at start, so the test can SIGKILL it at a chosen
 * moment), LEASE_MS. Sends one delivery per round (so "acknowledged" always means "recorded"
 * before the next is sent) and exits 0 when nothing is pending.
 */
import { writeFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { createDb, schema } from '@fiscus/ledger';
import { deliverDueWebhooks, webhookKeyFromHex, WEBHOOK_DEFAULTS } from '../index.ts';

const env = process.env;
writeFileSync(env.PID_FILE!, String(process.pid));
const database = await createDb(JSON.parse(env.FISCUS_DB!));
const options = { ...WEBHOOK_DEFAULTS, batch: 1, leaseMs: Number(env.LEASE_MS ?? 300), timeoutMs: 5_000, backoff: { baseMs: 20, maxMs: 100 } };
const logger = { info() {}, warn() {}, error() {} };
for (;;) {
  const sent = await deliverDueWebhooks(database.db, { key: webhookKeyFromHex(env.WEBHOOK_KEY!), logger, options });
  if (sent > 0) continue;
  const pending = await database.db
    .select({ id: schema.webhookDeliveries.id })
    .from(schema.webhookDeliveries)
    .where(eq(schema.webhookDeliveries.state, 'pending'));
  if (pending.length === 0) break;
  await new Promise((r) => setTimeout(r, 50));
}
await database.close();
process.exit(0);
