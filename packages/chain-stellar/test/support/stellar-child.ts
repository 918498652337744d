import type { ChainDriver } from '@fiscus/core';
import { driverFromEnv } from './local-network.ts';

/** Loaded by the engine's worker child processes: the same driver the test process uses. */
export function createDriver(env: NodeJS.ProcessEnv): ChainDriver {
  return driverFromEnv(env);
}
