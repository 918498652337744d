import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DriverRegistry } from '@fiscus/core';
import { MemChainDriver, ed25519Signer, newMemAddress, startMemChain } from '@fiscus/devnet';
import { defaultTasks, Worker } from '@fiscus/engine';
import { createTestDb, type TestBackend } from '@fiscus/ledger/testing';
import { createTestApp } from '@fiscus/api';
import { startServer } from '../../../../apps/api/src/server.ts';

export const CHAIN = 'memory:devnet';

/** The API listening on 127.0.0.1 with a running worker (default tasks) and a memory:devnet chain. */
export async function startPlatform(backend: TestBackend) {
  const handle = await createTestDb(backend);
  const node = await startMemChain({ chain: CHAIN });
  const drivers = new DriverRegistry().register(new MemChainDriver({ chain: CHAIN, url: node.url, signer: ed25519Signer() }));
  const { app, adminKey } = await createTestApp({ db: handle.db, drivers });
  const worker = new Worker({
    db: handle.db,
    drivers,
    pollMs: 20,
    statusPollMs: 10,
    tasks: defaultTasks({ ingestMs: 300, distributionMs: 100, redemptionMs: 500, reconcileMs: 0, movesMs: 200 }),
  });
  worker.start();
  const server: Server = await new Promise((resolve) => {
    const s = startServer(app, { hostname: '127.0.0.1', port: 0, requestTimeoutMs: 30_000, headersTimeoutMs: 10_000 }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    adminKey,
    newAddress: () => newMemAddress(),
    async close() {
      await new Promise<void>((r) => server.close(() => r()));
      server.closeAllConnections?.();
      await worker.stop();
      await node.close();
      await handle.cleanup();
    },
  };
}
