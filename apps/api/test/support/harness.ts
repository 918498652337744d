import { randomBytes } from 'node:crypto';
import type { ChainId, DriverRegistry as Registry } from '@fiscus/core';
import { DriverRegistry } from '@fiscus/core';
import { MemChainDriver, ed25519Signer, newMemAddress, startMemChain, type MemChainServer } from '@fiscus/devnet';
import { Worker } from '@fiscus/engine';
import { getOperation, type Db } from '@fiscus/ledger';
import { createTestDb, type TestBackend, type TestDbHandle } from '@fiscus/ledger/testing';
import { createTestApp } from '../../src/app.ts';
import type { Role } from '../../src/auth/principal.ts';
import type { AppOpenAPI } from '../../src/lib/types.ts';
import { call, type CallOptions, type CallResult } from './http.ts';

export const CHAIN: ChainId = 'memory:devnet';

export interface Harness {
  app: AppOpenAPI;
  db: Db;
  drivers: Registry;
  devnet: MemChainServer;
  worker: Worker;
  adminKey: string;
  /** The key webhook secrets are encrypted under in this app (a worker's webhook task needs it). */
  webhookKey: Uint8Array;
  /** Call as the admin unless `key` is given. */
  call(method: string, path: string, o?: CallOptions): Promise<CallResult>;
  /** A new key of that role (investor keys need the investor id). */
  keyFor(role: Role, investorId?: string): Promise<string>;
  /** Works the outbox until the operation is terminal; returns its final state. */
  settle(operationId: string): Promise<string>;
  newAddress(): string;
  close(): Promise<void>;
}

/** A migrated throwaway database, a memchain, a worker (ticked by hand) and the app. */
export async function startHarness(
  backend: TestBackend,
  opts: { bodyLimit?: number; publicApi?: { ratePerMinute?: number }; devFaucet?: boolean } = {},
): Promise<Harness> {
  const handle: TestDbHandle = await createTestDb(backend);
  const devnet = await startMemChain({ chain: CHAIN });
  const drivers = new DriverRegistry().register(new MemChainDriver({ chain: CHAIN, url: devnet.url, signer: ed25519Signer() }));
  const webhookKey = randomBytes(32);
  const chainEndpoints = { [CHAIN]: { kind: 'memchain' as const, url: devnet.url, probeUrl: devnet.url, local: true } };
  // The dev faucet of the local memchain's USDC, as wiring.ts gives it to `npm start`.
  const faucets = opts.devFaucet ? { [CHAIN]: { pay: async (address: string, usd: bigint) => (devnet.usdc.mint(address, usd), { txHash: null }) } } : undefined;
  const { app, adminKey } = await createTestApp({
    db: handle.db,
    drivers,
    bodyLimit: opts.bodyLimit,
    webhookKey,
    chainEndpoints,
    publicApi: opts.publicApi,
    faucets,
  });
  const worker = new Worker({ db: handle.db, drivers, pollMs: 10, statusPollMs: 5 });
  const h: Harness = {
    app,
    db: handle.db,
    drivers,
    devnet,
    worker,
    adminKey,
    webhookKey,
    call: (method, path, o = {}) => call(app, method, path, { key: adminKey, ...o }),
    async keyFor(role, investorId) {
      const r = await h.call('POST', '/v1/api-keys', { body: investorId ? { role, investorId } : { role } });
      if (r.status !== 201) throw new Error(`key for ${role}: ${r.status} ${r.text}`);
      return r.body.key as string;
    },
    async settle(operationId) {
      for (let i = 0; i < 200; i++) {
        const op = await getOperation(handle.db, { id: operationId });
        if (!op) throw new Error(`operation ${operationId} not found`);
        if (['posted', 'failed', 'compensated', 'requested'].includes(op.state)) return op.state;
        if ((await worker.tick()) === 0) await new Promise((r) => setTimeout(r, 5));
      }
      throw new Error(`operation ${operationId} did not settle`);
    },
    newAddress: () => newMemAddress(),
    async close() {
      await worker.stop();
      await devnet.close();
      await handle.cleanup();
    },
  };
  return h;
}
