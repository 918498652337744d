import type { ChainDriver, ChainId } from '@fiscus/core';
import { MemChainDriver, ed25519Signer } from '@fiscus/devnet/memchain';

/** Builds, in a worker child process, the same memchain driver the test process uses. */
export function createDriver(env: NodeJS.ProcessEnv): ChainDriver {
  return new MemChainDriver({
    chain: env.MEMCHAIN_CHAIN as ChainId,
    url: env.MEMCHAIN_URL!,
    signer: ed25519Signer(Buffer.from(env.MEMCHAIN_SEED!, 'hex')),
    confirmations: Number(env.MEMCHAIN_CONFIRMATIONS ?? 0),
  });
}
