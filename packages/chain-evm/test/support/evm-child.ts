import type { ChainDriver } from '@fiscus/core';
import { evmDriverFromEnv } from '../../src/index.ts';

/** Loaded by the engine's worker child processes: the same driver the test process built. */
export function createDriver(env: NodeJS.ProcessEnv): ChainDriver {
  return evmDriverFromEnv(env);
}
