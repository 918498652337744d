import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { DriverRegistry, newId, type Capabilities, type ChainId } from '@fiscus/core';
import { MemChainDriver, ed25519Signer, startMemChain, type MemChainServer } from '@fiscus/devnet/memchain';
import { schema, type Db } from '@fiscus/ledger';
import { requestOperation, type Worker } from '../../src/index.ts';
import { settle } from '../../src/testing/drive.ts';
import { requestMint, seedFund, seedWallet } from '../../src/testing/seed.ts';

/** A memchain driver with a smaller maxBatch, so a handful of holders spans several batches. */
export function smallBatchDriver(o: { chain: ChainId; url: string; seed: Buffer; maxBatch: number; timeoutMs?: number }): MemChainDriver {
  const driver = new MemChainDriver({ chain: o.chain, url: o.url, signer: ed25519Signer(o.seed), timeoutMs: o.timeoutMs ?? 1_000 });
  (driver as { capabilities: Capabilities }).capabilities = { ...driver.capabilities, maxBatch: o.maxBatch };
  return driver;
}

export interface YieldChain {
  chain: ChainId;
  server: MemChainServer;
  driver: MemChainDriver;
  seed: Buffer;
}

/** Two memchain nodes (two chains of one fund), each with a driver batching `maxBatch` mints. */
export async function startTwoChains(
  maxBatch: number,
): Promise<{ chains: YieldChain[]; drivers: DriverRegistry; env: Record<string, string>; close(): Promise<void> }> {
  const chains: YieldChain[] = [];
  for (const name of ['yielda', 'yieldb']) {
    const chain = `memory:${name}` as ChainId;
    const server = await startMemChain({ chain });
    const seed = randomBytes(32);
    chains.push({ chain, server, seed, driver: smallBatchDriver({ chain, url: server.url, seed, maxBatch }) });
  }
  const drivers = new DriverRegistry();
  for (const c of chains) drivers.register(c.driver);
  const env: Record<string, string> = { YIELD_MAX_BATCH: String(maxBatch) };
  chains.forEach((c, i) =>
    Object.assign(env, { [`YIELD_CHAIN_${i}`]: c.chain, [`YIELD_URL_${i}`]: c.server.url, [`YIELD_SEED_${i}`]: c.seed.toString('hex') }),
  );
  return { chains, drivers, env, close: async () => void (await Promise.all(chains.map((c) => c.server.close()))) };
}

export interface Holder {
  chain: ChainId;
  address: string;
  walletId: string;
  investorId: string;
  position: bigint;
}

/** A fund deployed on every chain, with holders minted to the given positions (per chain). */
export async function seedYieldFund(db: Db, worker: Worker, chains: YieldChain[], positions: bigint[][]): Promise<{ fundId: string; holders: Holder[] }> {
  const fund = await seedFund(db, { chain: chains[0]!.chain });
  const deploys = [fund.deploy.id];
  for (const c of chains.slice(1)) {
    const deploymentId = newId('dep');
    await db.insert(schema.deployments).values({ id: deploymentId, fundId: fund.fundId, chain: c.chain, status: 'pending' });
    deploys.push(
      (await requestOperation(db, { fundId: fund.fundId, chain: c.chain, body: { kind: 'deploy' }, context: { deploymentId }, requestedBy: 'test' })).id,
    );
  }
  await settle(worker, db, deploys);
  const holders: Holder[] = [];
  const auths: string[] = [];
  for (const [i, c] of chains.entries()) {
    for (const position of positions[i] ?? []) {
      const address = `0x${randomBytes(20).toString('hex')}`;
      const w = await seedWallet(db, { fundId: fund.fundId, chain: c.chain, address });
      auths.push(w.authorize.id);
      holders.push({ chain: c.chain, address, walletId: w.walletId, investorId: w.investorId, position });
    }
  }
  await settle(worker, db, auths);
  const mints = [];
  for (const h of holders)
    mints.push(
      (await requestMint(db, { fundId: fund.fundId, chain: h.chain, to: h.address, units: h.position, walletId: h.walletId, investorId: h.investorId })).id,
    );
  await settle(worker, db, mints, 60_000);
  return { fundId: fund.fundId, holders };
}

export async function deploymentFor(db: Db, fundId: string, chain: string) {
  const rows = await db.select().from(schema.deployments).where(eq(schema.deployments.fundId, fundId));
  const d = rows.find((r) => r.chain === chain);
  if (!d?.details) throw new Error(`no active deployment on ${chain}`);
  return { chain: chain as ChainId, details: d.details };
}
