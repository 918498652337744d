import { ConfigError, describeConfig, loadConfig, type Config } from './config.ts';
import { createLogger } from './lib/logger.ts';
import { buildChains, onShutdown, openDatabase, startWorker } from './wiring.ts';

/**
 * A worker process only (no HTTP): run several against one Postgres (DATABASE_URL); they share
 * the outbox through FOR UPDATE SKIP LOCKED. With the devnet, point FISCUS_DEVNET_URL at the
 * API's memchain and share FISCUS_DEVNET_SEED, or every process would simulate its own chain.
 */
async function main(config: Config): Promise<void> {
  const logger = createLogger({ level: config.LOG_LEVEL, service: 'fiscus-worker' });
  logger.info(describeConfig(config), 'starting fiscus worker');
  const database = await openDatabase(config);
  const chains = await buildChains(config, logger);
  const worker = startWorker(database.db, chains.drivers, logger);
  logger.info({ id: worker.id, chains: chains.drivers.chains() }, 'worker running');
  onShutdown(logger, async () => {
    await worker.stop();
    await chains.close();
    await database.close();
  });
}

let config: Config;
try {
  config = loadConfig();
} catch (e) {
  process.stderr.write(`${e instanceof ConfigError ? e.message : String(e)}\n`);
  process.exit(1);
}
main(config).catch((err: unknown) => {
  process.stderr.write(`fiscus worker failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
