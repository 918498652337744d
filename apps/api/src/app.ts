import { randomBytes } from 'node:crypto';
import { Scalar } from '@scalar/hono-api-reference';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import { FiscusError, type DriverRegistry } from '@fiscus/core';
import type { Db } from '@fiscus/ledger';
import { generateAttestationKey } from '@fiscus/engine';
import { authenticate } from './auth/authenticate.ts';
import { createApiKey } from './auth/bootstrap.ts';
import { ApiKeyCache } from './auth/key-cache.ts';
import { onError } from './lib/errors.ts';
import { notFoundOrMethodNotAllowed } from './lib/method-not-allowed.ts';
import { silentLogger } from './lib/logger.ts';
import { createMetrics } from './lib/metrics.ts';
import { createRouter } from './lib/router.ts';
import type { AppDeps, AppOpenAPI, StellarTomlDeps } from './lib/types.ts';
import { requestContext } from './middleware/context.ts';
import { mountConsole } from './lib/console-static.ts';
import { routers } from './routes/index.ts';

export const DEFAULT_BODY_LIMIT = 64 * 1024;

/** The HTTP app, with every dependency passed in (nothing global, nothing started here). */
export function createApp(input: AppDeps): AppOpenAPI {
  const deps: AppDeps = {
    ...input,
    metrics: input.metrics ?? createMetrics(input.db),
    apiKeys: input.apiKeys ?? new ApiKeyCache(),
    attestationKey: input.attestationKey ?? generateAttestationKey(),
    // Ephemeral when not given (tests): endpoints created then are readable only by a worker given the same key.
    webhookKey: input.webhookKey ?? randomBytes(32),
  };
  const limit = deps.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const app = createRouter();
  app.use('*', requestId());
  app.use('*', requestContext(deps));
  const limitBody = bodyLimit({
    maxSize: limit,
    onError: () => {
      throw new FiscusError('PAYLOAD_TOO_LARGE', `request body exceeds ${limit} bytes`, { meta: { limit } });
    },
  });
  // Reads carry no body the API looks at, and asking for one makes @hono/node-server build a full
  // web Request (a fifth of a read's CPU, measured by `BENCH=http`): only writes are limited.
  app.use('/v1/*', (c, next) => (c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : limitBody(c, next)));
  app.use('/v1/*', authenticate);
  for (const router of routers) app.route('/', router);

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    description: 'API key: fsk_<keyId>_<secret>',
  });
  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Fiscus API',
      version: '0.1.0',
      description:
        'One tokenized Treasury fund on several chains, reconciled with one custody ledger. Errors are RFC 9457 problem+json with a stable `code`.\n\n' +
        'Every mutation takes an `Idempotency-Key` (1–255 characters). Keys are scoped per API key: a retry with the same API key, key, method, path and body replays the first 2xx answer (`Idempotent-Replayed: true`); the same key for another request → 409 `IDEMPOTENCY_MISMATCH`; the same key under another API key is a different request. Errors are not stored: retry them with the same key.\n\n' +
        'A known path with a method it does not serve → 405 `METHOD_NOT_ALLOWED` with `Allow`. Rules JSON Schema cannot state (address checksums, the CUSIP check digit, the order of two dates or of minHolding/maxHolding, decimals beyond the fund’s own) are in the field descriptions and answered 400 with their own code.',
    },
  });
  app.get('/docs', Scalar({ url: '/openapi.json', pageTitle: 'Fiscus API' }));
  if (deps.consoleDir !== null) mountConsole(app, deps.consoleDir);
  app.onError(onError);
  app.notFound(notFoundOrMethodNotAllowed(app));
  return app;
}

export interface TestApp {
  app: AppOpenAPI;
  /** A fresh issuer-admin key (`fsk_…`) for the test to call with. */
  adminKey: string;
}

/** createApp with a silent logger and a bootstrapped admin key: what the API tests start from. */
export async function createTestApp(p: {
  db: Db;
  drivers: DriverRegistry;
  bodyLimit?: number;
  stellar?: StellarTomlDeps;
  l1Provisioner?: AppDeps['l1Provisioner'];
  chainEndpoints?: AppDeps['chainEndpoints'];
  webhookKey?: Uint8Array;
  publicApi?: AppDeps['publicApi'];
  faucets?: AppDeps['faucets'];
}): Promise<TestApp> {
  const { token } = await createApiKey(p.db, { role: 'issuer-admin', label: 'test', actor: 'test' });
  return { app: createApp({ ...p, logger: silentLogger() }), adminKey: token };
}
