import { createApp } from './app.ts';
import { ensureAdminKey } from './auth/bootstrap.ts';
import { describeConfig, type Config } from './config.ts';
import { runEntrypoint } from './entrypoint.ts';
import { startServer } from './server.ts';
import { createLogger } from './lib/logger.ts';
import { retryWhileUnavailable } from './lib/startup-retry.ts';
import { stellarTomlDeps } from './chains/stellar/wiring.ts';
import { l1ProvisionerFor } from './chains/avalanche/pchain.ts';
import { attestationKeyFor, buildChains, onShutdown, openDatabase, startWorker, webhookKeyFor } from './wiring.ts';
import { ApiKeyCache } from './auth/key-cache.ts';

/** `npm start`: API + (by default) an in-process worker, on PGlite unless DATABASE_URL is set. */
async function main(config: Config): Promise<void> {
  const logger = createLogger({ level: config.LOG_LEVEL });
  logger.info(describeConfig(config), 'starting fiscus api');
  // Started while the database restarts or a chain is down: wait for them rather than exit.
  const database = await retryWhileUnavailable('database', () => openDatabase(config), { logger });
  const chains = await retryWhileUnavailable('chains', () => buildChains(config, logger), { logger });
  const bootstrap = await retryWhileUnavailable(
    'admin key',
    () =>
      ensureAdminKey(database.db, {
        envKey: config.FISCUS_ADMIN_KEY,
        // stdout, once, and never through the logger: log shippers must not see the secret.
        print: (token) =>
          process.stdout.write(
            `\nFirst issuer-admin API key (shown once, store it now):\n\n  ${token}\n\nUse it as: Authorization: Bearer ${token.slice(0, 8)}…\n\n`,
          ),
      }),
    { logger },
  );
  if (bootstrap.outcome === 'env-mismatch') {
    logger.warn(
      { keyId: bootstrap.keyId },
      'FISCUS_ADMIN_KEY names an existing key with a different secret; the stored key is kept and the env value will not authenticate',
    );
  } else if (bootstrap.outcome !== 'existing') {
    logger.info({ keyId: bootstrap.keyId, source: bootstrap.outcome }, 'admin API key created');
  }
  const webhookKey = webhookKeyFor(config);
  const worker = config.FISCUS_WORKER
    ? startWorker(database.db, chains.drivers, logger, { reconcileMs: config.FISCUS_RECONCILE_MS, replaceAfterMs: config.FISCUS_REPLACE_AFTER_MS, webhookKey })
    : undefined;
  const l1Provisioner = l1ProvisionerFor(config, database.db, logger, chains.avalanchePChain);
  l1Provisioner?.start(); // resumes what a crash, restart or P-Chain outage left unfinished
  const app = createApp({
    db: database.db,
    drivers: chains.drivers,
    logger,
    bodyLimit: config.FISCUS_BODY_LIMIT,
    apiKeys: new ApiKeyCache(config.FISCUS_API_KEY_CACHE_MS),
    stellar: stellarTomlDeps(config, chains.stellar),
    attestationKey: attestationKeyFor(config),
    l1Provisioner,
    chainEndpoints: chains.endpoints,
    faucets: chains.faucets,
    webhookKey,
    publicApi: { ratePerMinute: config.FISCUS_PUBLIC_RATE_LIMIT, trustProxy: config.FISCUS_TRUST_PROXY },
  });
  const listen = {
    hostname: config.HOST,
    port: config.PORT,
    requestTimeoutMs: config.FISCUS_REQUEST_TIMEOUT_MS,
    headersTimeoutMs: config.FISCUS_HEADERS_TIMEOUT_MS,
  };
  const server = startServer(app, listen, (info) => {
    logger.info({ url: `http://${config.HOST}:${info.port}`, docs: `http://${config.HOST}:${info.port}/docs`, chains: chains.drivers.chains() }, 'listening');
  });
  onShutdown(logger, async () => {
    // Stop taking requests, let the worker finish its step, then close chains and the db.
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await worker?.stop();
    await l1Provisioner?.stop();
    await chains.close();
    await database.close();
  });
}

runEntrypoint('fiscus api', main);
