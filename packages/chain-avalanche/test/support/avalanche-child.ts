import type { ChainDriver } from '@fiscus/core';
// config.ts directly: the package index also loads avalanchejs (P-Chain), which a worker child never needs.
import { avalancheDriverFromEnv } from '../../src/config.ts';

/** Loaded by the engine's worker child processes: the same driver the test process built. */
export function createDriver(env: NodeJS.ProcessEnv): ChainDriver {
  return avalancheDriverFromEnv(env);
}
