import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { DEFAULT_POLICY, DriverRegistry, newId, policyToJson, type ChainDriver, type ChainId } from '@fiscus/core';
import { MemChainDriver, ed25519Signer, startMemChain, type MemChainServer } from '@fiscus/devnet/memchain';
import { accountBalance, checkSupplyInvariant, schema, supplyAccount, TRANSIT, type Db } from '@fiscus/ledger';
import { advanceMoves, requestOperation, Worker, type EngineLogger } from '../../src/index.ts';
import { settle } from '../../src/testing/drive.ts';
import { runTsChild, type ChildResult } from '../../src/testing/spawn.ts';
import { randomAddress } from './memchain.ts';

export interface TestChain {
  chain: ChainId;
  server: MemChainServer;
  driver: MemChainDriver;
  seed: Buffer;
}

/** Two (or more) independent memchain nodes, each with its own chain id and signer. */
export async function startChains(names: string[]): Promise<TestChain[]> {
  return Promise.all(
    names.map(async (name) => {
      const chain = `memory:${name}` as ChainId;
      const server = await startMemChain({ chain });
      const seed = randomBytes(32);
      // A short request deadline so a stopped node turns into retries within the test's time.
      const driver = new MemChainDriver({ chain, url: server.url, signer: ed25519Signer(seed), timeoutMs: 1_000 });
      return { chain, server, driver, seed };
    }),
  );
}

export const registryOf = (drivers: ChainDriver[]) => drivers.reduce((r, d) => r.register(d), new DriverRegistry());

export function twoChainWorker(db: Db, drivers: ChainDriver[], o: { id?: string; logger?: EngineLogger } = {}): Worker {
  return new Worker({ db, drivers: registryOf(drivers), ...o, pollMs: 10, statusPollMs: 10, leaseMs: 5_000, backoff: { baseMs: 10, maxMs: 200 }, tasks: [] });
}

/** Env for moves-child.ts to rebuild the same drivers in another process. */
export function childEnv(chains: TestChain[]): Record<string, string> {
  return { MOVE_CHAINS: JSON.stringify(chains.map((c) => ({ chain: c.chain, url: c.server.url, seed: c.seed.toString('hex') }))) };
}
export const movesChildModule = fileURLToPath(new URL('./moves-child.ts', import.meta.url));

export interface MoveFund {
  fundId: string;
  investorId: string;
  /** Per chain: the investor's wallet. */
  wallets: Record<string, { walletId: string; address: string }>;
  deployments: Record<string, string>;
}

/** A fund deployed on every chain with one investor holding an authorized wallet on each. */
export async function seedMoveFund(
  db: Db,
  worker: Worker,
  chains: { chain: string }[],
  o: { policy?: typeof DEFAULT_POLICY; addressFor?: (chain: string) => string | undefined } = {},
): Promise<MoveFund> {
  const policy = o.policy ?? { ...DEFAULT_POLICY, kycRequired: false };
  const fundId = newId('fund');
  await db.insert(schema.funds).values({ id: fundId, name: 'Move Fund', symbol: 'MVF', decimals: 6, policy: policyToJson(policy) });
  const investorId = newId('inv');
  await db.insert(schema.investors).values({
    id: investorId,
    legalName: 'Treasury Client',
    jurisdiction: 'US',
    jurisdictionNumeric: 840,
    investorType: 'institutional',
    kycStatus: 'verified',
  });
  const deployments: Record<string, string> = {};
  const deploys: string[] = [];
  for (const { chain } of chains) {
    const id = newId('dep');
    deployments[chain] = id;
    await db.insert(schema.deployments).values({ id, fundId, chain, status: 'pending' });
    deploys.push(
      (await requestOperation(db, { fundId, chain: chain as ChainId, body: { kind: 'deploy' }, context: { deploymentId: id }, requestedBy: 'test' })).id,
    );
  }
  await settle(worker, db, deploys);
  const wallets: MoveFund['wallets'] = {};
  const auths: string[] = [];
  for (const { chain } of chains) {
    const address = o.addressFor?.(chain) || randomAddress();
    const walletId = newId('wal');
    await db.insert(schema.wallets).values({ id: walletId, investorId, chain, address });
    await db.insert(schema.fundWallets).values({ fundId, walletId, status: 'pending' });
    wallets[chain] = { walletId, address };
    auths.push(
      (
        await requestOperation(db, {
          fundId,
          chain: chain as ChainId,
          body: { kind: 'authorize', address, investorId, country: 840 },
          context: { walletId, investorId },
          requestedBy: 'test',
        })
      ).id,
    );
  }
  await settle(worker, db, auths);
  return { fundId, investorId, wallets, deployments };
}

export async function mintOn(db: Db, worker: Worker, f: MoveFund, chain: string, units: bigint): Promise<void> {
  const w = f.wallets[chain]!;
  const op = await requestOperation(db, {
    fundId: f.fundId,
    chain: chain as ChainId,
    body: { kind: 'mint', to: w.address, units },
    context: { walletId: w.walletId, investorId: f.investorId },
    requestedBy: 'test',
  });
  await settle(worker, db, [op.id]);
}

const silent = { info() {}, warn() {}, error() {} };

/** Ticks the worker and the move saga until `check` holds. */
export async function driveMoves(worker: Worker, db: Db, check: () => Promise<boolean>, o: { now?: () => Date; timeoutMs?: number } = {}): Promise<void> {
  const deadline = Date.now() + (o.timeoutMs ?? 20_000);
  for (;;) {
    await advanceMoves(db, { logger: silent, now: o.now });
    await worker.tick();
    if (await check()) return;
    if (Date.now() > deadline) throw new Error('moves did not reach the expected state in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

export async function moveState(db: Db, id: string) {
  const [row] = await db.select().from(schema.moves).where(eq(schema.moves.id, id));
  if (!row) throw new Error(`move ${id} not found`);
  return row;
}

/** Ledger per chain vs the chain's own total supply and the investor's balance, plus Invariant S2 (docs/architecture.md). */
export async function books(db: Db, f: MoveFund, chains: { chain: string; driver: ChainDriver }[]) {
  const perChain: Record<string, { ledger: bigint; chain: bigint; wallet: bigint }> = {};
  for (const c of chains) {
    const [dep] = await db.select().from(schema.deployments).where(eq(schema.deployments.id, f.deployments[c.chain]!));
    const deployment = { chain: c.chain as ChainId, details: dep!.details! };
    perChain[c.chain] = {
      ledger: await accountBalance(db, { fundId: f.fundId, code: supplyAccount(c.chain), commodity: 'units' }),
      chain: await c.driver.totalSupply(deployment),
      wallet: await c.driver.balanceOf(deployment, f.wallets[c.chain]!.address),
    };
  }
  const transit = await accountBalance(db, { fundId: f.fundId, code: TRANSIT, commodity: 'units' });
  const invariant = await checkSupplyInvariant(db, f.fundId);
  return { perChain, transit, invariant };
}

export const silentLogger = silent;

/** Runs moves-child.ts in a new Node process; resolves with its exit. */
export function runMovesChild(p: { db: object; chains: TestChain[]; env?: Record<string, string>; timeoutMs?: number }): Promise<ChildResult> {
  return runTsChild({
    module: movesChildModule,
    label: 'moves child',
    env: { ...childEnv(p.chains), ...p.env, FISCUS_DB: JSON.stringify({ ...p.db, migrate: false }) },
    timeoutMs: p.timeoutMs ?? 90_000,
  });
}
