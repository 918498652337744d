import { ingestAll } from './ingest/index.ts';
import { settleRedemptions } from './redemptions/settle.ts';
import { advanceDistributions } from './distributions/saga.ts';
import { reconcileDue } from './reconcile/schedule.ts';
import { movesTask } from './moves/task.ts';
import { reconcileAllStablecoins } from './settlement/reconcile.ts';
import { webhookTask } from './webhooks/task.ts';
import { WEBHOOK_TASK_MS, type WebhookOptions } from './webhooks/types.ts';
import type { PeriodicTask } from './task.ts';
import { RECONCILE_POLL_MAX_MS, TASK_INTERVALS_MS } from './defaults.ts';

export const ingestTask = (everyMs: number): PeriodicTask => ({
  name: 'ingest',
  everyMs,
  run: ({ db, drivers, logger }) => ingestAll(db, drivers, { logger }),
});

/** Yield distributions: plans due ones, closes finished ones (packages/engine/src/distributions). */
export const distributionTask = (everyMs: number): PeriodicTask => ({
  name: 'distributions',
  everyMs,
  run: ({ db, drivers, logger }) => advanceDistributions(db, drivers, { logger }),
});

/** Reconciles every active deployment once per `everyMs` (claimed per deployment: once across workers). */
export const reconcileTask = (everyMs: number, pollMs = Math.min(everyMs, RECONCILE_POLL_MAX_MS)): PeriodicTask => ({
  name: 'reconcile',
  everyMs: pollMs,
  run: ({ db, drivers, logger }) => reconcileDue(db, drivers, { everyMs, logger }),
});

/** Redemption queue: settles pending redemptions FIFO as the day's liquidity allows (packages/engine/src/redemptions). */
export const redemptionTask = (everyMs: number): PeriodicTask => ({
  name: 'redemptions',
  everyMs,
  run: ({ db }) => settleRedemptions(db),
});

/** Stablecoin cash per settlement chain against the ledger (packages/engine/src/settlement/reconcile.ts). */
export const stablecoinReconcileTask = (everyMs: number): PeriodicTask => ({
  name: 'stablecoin-reconcile',
  everyMs,
  run: ({ db, drivers, logger }) => reconcileAllStablecoins(db, drivers, { logger }),
});

/**
 * The tasks every worker runs unless told otherwise. Sagas add themselves here (one line each),
 * so `npm start`, worker-main and tests all run the same set.
 */
export function defaultTasks(
  o: {
    ingestMs?: number;
    redemptionMs?: number;
    distributionMs?: number;
    reconcileMs?: number;
    movesMs?: number;
    /** Webhook outbox (packages/engine/src/webhooks): needs the key endpoint secrets are encrypted under; absent = no webhook task. */
    webhooks?: { key: Uint8Array; everyMs?: number; options?: Partial<WebhookOptions> };
  } = {},
): PeriodicTask[] {
  const tasks: PeriodicTask[] = [];
  const ms = {
    ingest: o.ingestMs ?? TASK_INTERVALS_MS.ingest,
    redemptions: o.redemptionMs ?? TASK_INTERVALS_MS.redemptions,
    distributions: o.distributionMs ?? TASK_INTERVALS_MS.distributions,
    reconcile: o.reconcileMs ?? TASK_INTERVALS_MS.reconcile,
    moves: o.movesMs ?? TASK_INTERVALS_MS.moves,
  };
  if (ms.ingest > 0) tasks.push(ingestTask(ms.ingest));
  if (ms.redemptions > 0) tasks.push(redemptionTask(ms.redemptions));
  if (ms.distributions > 0) tasks.push(distributionTask(ms.distributions));
  if (ms.reconcile > 0) tasks.push(reconcileTask(ms.reconcile));
  if (ms.moves > 0) tasks.push(movesTask(ms.moves));
  if (ms.reconcile > 0) tasks.push(stablecoinReconcileTask(ms.reconcile));
  if (o.webhooks && (o.webhooks.everyMs ?? WEBHOOK_TASK_MS) > 0)
    tasks.push(webhookTask({ key: o.webhooks.key, everyMs: o.webhooks.everyMs ?? WEBHOOK_TASK_MS, options: o.webhooks.options }));
  return tasks;
}
