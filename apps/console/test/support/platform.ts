import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DriverRegistry, type ChainId } from '@fiscus/core';
import { MemChainDriver, ed25519Signer, startMemChain, type MemChainServer } from '@fiscus/devnet';
import { defaultTasks, Worker } from '@fiscus/engine';
import type { Db } from '@fiscus/ledger';
import { createTestDb, pgliteBackend, type TestDbHandle } from '@fiscus/ledger/testing';
import { createApiKey, createTestApp } from '@fiscus/api';
import { startServer } from '../../../api/src/server.ts';

export interface Platform {
  url: string;
  db: Db;
  chains: [ChainId, ChainId];
  adminKey: string;
  keyFor(role: 'compliance' | 'auditor' | 'treasurer'): Promise<string>;
  close(): Promise<void>;
}

/**
 * What `npm start` runs, in this process: the API on 127.0.0.1 (serving the console build), a
 * worker with the default periodic tasks, PGlite, and two memchain chains (enough for a move).
 */
export async function startPlatform(chains: [ChainId, ChainId]): Promise<Platform> {
  const handle: TestDbHandle = await createTestDb(pgliteBackend);
  const nodes: MemChainServer[] = await Promise.all(chains.map((chain) => startMemChain({ chain })));
  const drivers = new DriverRegistry();
  for (const n of nodes) drivers.register(new MemChainDriver({ chain: n.chain, url: n.url, signer: ed25519Signer() }));
  const { app, adminKey } = await createTestApp({ db: handle.db, drivers });
  const worker = new Worker({
    db: handle.db,
    drivers,
    pollMs: 20,
    statusPollMs: 10,
    tasks: defaultTasks({ ingestMs: 500, movesMs: 200, reconcileMs: 3_000, distributionMs: 500, redemptionMs: 1_000 }),
  });
  worker.start();
  const server: Server = await new Promise((resolve) => {
    const s = startServer(app, { hostname: '127.0.0.1', port: 0, requestTimeoutMs: 30_000, headersTimeoutMs: 10_000 }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    db: handle.db,
    chains,
    adminKey,
    keyFor: async (role) => (await createApiKey(handle.db, { role, label: `console test ${role}`, actor: 'test' })).token,
    async close() {
      await new Promise<void>((r) => server.close(() => r()));
      server.closeAllConnections?.();
      await worker.stop();
      await Promise.all(nodes.map((n) => n.close()));
      await handle.cleanup();
    },
  };
}
