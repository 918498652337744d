import { fileURLToPath } from 'node:url';
import type { ChainDriver, ChainId } from '@fiscus/core';

/**
 * What the engine suite needs from a chain: a driver in the test process, the recipe for a
 * worker child process to build the same driver, and fresh addresses. Every real driver's
 * issue re-runs the engine suite through one of these.
 */
export interface EngineChainHarness {
  chain: ChainId;
  driver: ChainDriver;
  newAddress(): string;
  /** Module exporting `createDriver(env): ChainDriver`, loaded by worker child processes. */
  childDriverModule: string;
  childDriverEnv: Record<string, string>;
  close(): Promise<void>;
}

export const supportFile = (name: string) => fileURLToPath(new URL(`./${name}`, import.meta.url));
