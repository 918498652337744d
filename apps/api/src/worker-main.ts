import { describeConfig, type Config } from './config.ts';
import { runEntrypoint } from './entrypoint.ts';
import { createLogger } from './lib/logger.ts';
import { retryWhileUnavailable } from './lib/startup-retry.ts';
import { buildChains, onShutdown, openDatabase, startWorker, webhookKeyFor } from './wiring.ts';

/**
 * A worker process only (no HTTP): run several against one Postgres (DATABASE_URL); they share
 * the outbox through FOR UPDATE SKIP LOCKED. With the devnet, point FISCUS_DEVNET_URL at the
 * API's memchain and share FISCUS_DEVNET_SEED, or every process would simulate its own chain.
 */
async function main(config: Config): Promise<void> {
  const logger = createLogger({ level: config.LOG_LEVEL, service: 'fiscus-worker' });
  logger.info(describeConfig(config), 'starting fiscus worker');
  // Started while the database restarts or a chain is down: wait for them rather than exit.
  const database = await retryWhileUnavailable('database', () => openDatabase(config), { logger });
  const chains = await retryWhileUnavailable('chains', () => buildChains(config, logger), { logger });
  const worker = startWorker(database.db, chains.drivers, logger, {
    reconcileMs: config.FISCUS_RECONCILE_MS,
    replaceAfterMs: config.FISCUS_REPLACE_AFTER_MS,
    webhookKey: webhookKeyFor(config),
  });
  logger.info({ id: worker.id, chains: chains.drivers.chains() }, 'worker running');
  onShutdown(logger, async () => {
    await worker.stop();
    await chains.close();
    await database.close();
  });
}

runEntrypoint('fiscus worker', main);
