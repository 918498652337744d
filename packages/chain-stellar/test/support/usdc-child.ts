import type { ChainDriver } from '@fiscus/core';
import { usdcDriverFromEnv } from './usdc-harness.ts';

/** Loaded by the engine's worker child processes: the USDC-settling driver the test process uses. */
export function createDriver(env: NodeJS.ProcessEnv): ChainDriver {
  return usdcDriverFromEnv(env);
}
