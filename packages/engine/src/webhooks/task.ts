import type { PeriodicTask } from '../task.ts';
import { deliverDueWebhooks } from './deliver.ts';
import { produceWebhookEvents } from './produce.ts';
import { WEBHOOK_DEFAULTS, type WebhookOptions } from './types.ts';

/**
 * Webhooks in a worker: record new events from the database (operation transitions, drifts,
 * settlements…), then send what is due. Safe in several workers at once: events are recorded
 * once by id, deliveries are claimed under a lease with SKIP LOCKED.
 */
export const webhookTask = (p: { key: Uint8Array; everyMs: number; options?: Partial<WebhookOptions> }): PeriodicTask => {
  const options = { ...WEBHOOK_DEFAULTS, ...p.options };
  return {
    name: 'webhooks',
    everyMs: p.everyMs,
    async run({ db, logger }) {
      await produceWebhookEvents(db, options);
      // Drain what is due now (a backlog after an outage goes out in consecutive batches).
      for (let round = 0; round < 20; round++) if ((await deliverDueWebhooks(db, { key: p.key, logger, options })) < options.batch) break;
    },
  };
};
