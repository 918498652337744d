import { randomBytes } from 'node:crypto';
import type { ChainId } from '@fiscus/core';
import { MemChainDriver, ed25519Signer, startMemChain, type MemChainServer } from '@fiscus/devnet';
import { fileURLToPath } from 'node:url';
import type { EngineChainHarness } from '../../src/testing/chain.ts';

export interface MemchainHarness extends EngineChainHarness {
  server: MemChainServer;
}

export async function startMemchainHarness(opts: { blockMs?: number; confirmations?: number; timeoutMs?: number } = {}): Promise<MemchainHarness> {
  const chain: ChainId = 'memory:enginetest';
  const server = await startMemChain({ chain, blockMs: opts.blockMs ?? 0, confirmations: opts.confirmations ?? 0 });
  const seed = randomBytes(32);
  // A short request deadline so a hung node turns into a retry within the test's time.
  const driver = new MemChainDriver({
    chain,
    url: server.url,
    signer: ed25519Signer(seed),
    confirmations: opts.confirmations ?? 0,
    timeoutMs: opts.timeoutMs ?? 1_000,
  });
  return {
    chain,
    server,
    driver,
    newAddress: () => randomAddress(),
    childDriverModule: fileURLToPath(new URL('./memchain-child.ts', import.meta.url)),
    childDriverEnv: {
      MEMCHAIN_URL: server.url,
      MEMCHAIN_CHAIN: chain,
      MEMCHAIN_SEED: seed.toString('hex'),
      MEMCHAIN_CONFIRMATIONS: String(opts.confirmations ?? 0),
    },
    close: () => server.close(),
  };
}

/** A fresh EVM-style address (memchain accounts use the EVM address format). */
export const randomAddress = () => `0x${randomBytes(20).toString('hex')}`;
