import { randomUUID } from 'node:crypto';
import { describeDriverConformance } from '@fiscus/core/conformance';
import { ed25519Signer } from '../keys.ts';
import { newMemAddress } from './codec.ts';
import { MemChainDriver } from './driver/memchain-driver.ts';
import { startMemChain, type MemChainOptions } from './server.ts';

/** The shared ChainDriver suite against a real memchain server, in two block-production modes. */
function harness(opts: MemChainOptions) {
  return async () => {
    const server = await startMemChain(opts);
    const fund = { id: `fund-${randomUUID()}`, name: 'Conformance Treasury Fund', symbol: 'CTF', decimals: 6 };
    // pageSize 2 makes holders/events paging real with a handful of holders.
    const driver = new MemChainDriver({ chain: server.chain, url: server.url, signer: ed25519Signer(), confirmations: server.confirmations, pageSize: 2 });
    return {
      driver,
      fund,
      newAddress: newMemAddress,
      holderTransfer: async (from: string, to: string, units: bigint) => void (await server.holderTransfer(from, to, units, fund.id)),
      advance: async (blocks: number) => {
        for (let i = 0; i < blocks; i++) server.mineBlock();
      },
      pollMs: 10,
      close: () => server.close(),
    };
  };
}

describeDriverConformance('memchain (mine on submit)', harness({ chain: 'memory:conformance' }));
describeDriverConformance('memchain (20 ms blocks, depth 2)', harness({ chain: 'memory:slow', blockMs: 20, confirmations: 2 }));

// A narrower capability set (Stellar-like: no partial freeze, no pause, no batching) plus an
// explicit skip, proving the suite skips with reasons instead of failing or silently passing.
describeDriverConformance('memchain (reduced capabilities + skip list)', async () => {
  const h = await harness({ chain: 'memory:reduced' })();
  const caps = { ...h.driver.capabilities, partialFreeze: false, pause: false, maxBatch: 1 };
  Object.defineProperty(h.driver, 'capabilities', { value: caps });
  return { ...h, skip: { 'holders.paginated': 'covered by the full runs above; listed to exercise the skip list' } };
});
