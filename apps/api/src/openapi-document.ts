import { DriverRegistry } from '@fiscus/core';
import type { Db } from '@fiscus/ledger';
import { createApp } from './app.ts';
import { silentLogger } from './lib/logger.ts';

/**
 * The /openapi.json document without a server, a database or chains: what `npm run
 * client:generate` turns into packages/client's types. The document is built from the route
 * definitions alone, so it is the same as any running server's (the client test checks that).
 */
export async function openApiDocument(): Promise<Record<string, unknown>> {
  // No request reaches a handler: the document route reads the route registry only.
  const app = createApp({ db: undefined as unknown as Db, drivers: new DriverRegistry(), logger: silentLogger(), consoleDir: null, metrics: undefined });
  const res = await app.request('/openapi.json');
  if (res.status !== 200) throw new Error(`/openapi.json answered ${res.status}`);
  return (await res.json()) as Record<string, unknown>;
}
