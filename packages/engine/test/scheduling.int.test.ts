import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TERMINAL_STATES, type ChainId } from '@fiscus/core';
import { MemChainDriver, ed25519Signer, startMemChain } from '@fiscus/devnet';
import { createTestDb, describeEachBackend, postgresBackend, useFreshDatabase } from '@fiscus/ledger/testing';
import type { Db } from '@fiscus/ledger';
import { requestOperation, Worker } from '../src/index.ts';
import { deployedFund, getOperation, requestMint, runTsChild, settle, testWorker } from '../src/testing/index.ts';
import { registryOf, seedMoveFund, twoChainWorker, type TestChain } from './support/two-chains.ts';
import { startMemchainHarness, type MemchainHarness } from './support/memchain.ts';
import { requestChildModule } from './support/request-child.ts';

/**
 * The worker has no claim rounds (docs/architecture.md "The operation pipeline"): an operation
 * stuck on one chain holds one slot, never the others, and new work wakes an idle worker through
 * LISTEN/NOTIFY instead of waiting for its poll.
 */

/** Polls the row (the test's own reads, not the worker) until `done`, or fails after `ms`. */
async function waitFor(db: Db, id: string, done: (state: string) => boolean, ms: number): Promise<string> {
  const deadline = Date.now() + ms;
  for (;;) {
    const { state } = await getOperation(db, id);
    if (done(state)) return state;
    if (Date.now() > deadline) throw new Error(`operation ${id} still ${state} after ${ms} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
const isTerminal = (s: string) => (TERMINAL_STATES as readonly string[]).includes(s);

describeEachBackend('a hung chain does not hold up another chain', (backend) => {
  const fresh = useFreshDatabase(backend);
  let chains: TestChain[];
  beforeAll(async () => {
    chains = await Promise.all(
      ['hung', 'live'].map(async (name) => {
        const chain = `memory:${name}` as ChainId;
        const server = await startMemChain({ chain });
        const seed = randomBytes(32);
        // A request deadline far beyond the test: while the node hangs, the call hangs.
        const driver = new MemChainDriver({ chain, url: server.url, signer: ed25519Signer(seed), timeoutMs: 120_000 });
        return { chain, server, driver, seed };
      }),
    );
  });
  afterAll(() => Promise.all(chains.map((c) => c.server.close())));

  /** A fund on both chains, a worker of four slots whose poll outlasts the test (only a free slot or a work signal makes it claim), a mint request. */
  async function setup(db: Db) {
    const f = await seedMoveFund(
      db,
      twoChainWorker(
        db,
        chains.map((c) => c.driver),
      ),
      chains,
    );
    const worker = new Worker({ db, drivers: registryOf(chains.map((c) => c.driver)), pollMs: 120_000, statusPollMs: 10, concurrency: 4, tasks: [] });
    const mint = (c: TestChain) =>
      requestOperation(db, {
        fundId: f.fundId,
        chain: c.chain,
        body: { kind: 'mint', to: f.wallets[c.chain]!.address, units: 1_000n },
        context: { walletId: f.wallets[c.chain]!.walletId, investorId: f.investorId },
        requestedBy: 'test',
      });
    return { worker, mint };
  }

  it('mints on the live chain post one after another while a submit on the hung chain has no answer', async () => {
    const db = fresh.current.db;
    const [hung, live] = chains as [TestChain, TestChain];
    const { worker, mint } = await setup(db);
    hung.server.faults.set('submit', 'hang');
    worker.start();
    try {
      await worker.listening();
      const stuck = await mint(hung);
      await waitFor(db, stuck.id, (s) => s === 'prepared', 20_000);
      for (const deadline = Date.now() + 20_000; hung.server.faults.hanging() === 0; ) {
        if (Date.now() > deadline) throw new Error('the submit never reached the hung node');
        await new Promise((r) => setTimeout(r, 10));
      }

      // Each mint is requested only after the previous one posted: with claim rounds the second
      // would wait for the round holding the hung submit (120 s).
      for (let i = 0; i < 3; i++) {
        const op = await mint(live);
        expect(await waitFor(db, op.id, isTerminal, 20_000)).toBe('posted');
      }
      expect((await getOperation(db, stuck.id)).state).toBe('prepared');
      expect(hung.server.faults.hanging()).toBe(1); // still unanswered meanwhile

      hung.server.faults.clear(); // the node answers again (the hung request is cut): the mint lands once
      await worker.stop();
      const resumed = new Worker({ db, drivers: registryOf([hung.driver, live.driver]), pollMs: 20, statusPollMs: 10, tasks: [] });
      await settle(resumed, db, [stuck.id], 30_000);
      expect((await getOperation(db, stuck.id)).state).toBe('posted');
    } finally {
      hung.server.faults.clear();
      await worker.stop();
    }
  });

  it('more hung submits than the worker has slots: mints on the other chain still post one after another', async () => {
    const db = fresh.current.db;
    const [hung, live] = chains as [TestChain, TestChain];
    const { worker, mint } = await setup(db);
    hung.server.faults.set('submit', 'hang');
    worker.start();
    const stuck: string[] = [];
    try {
      await worker.listening();
      // Six operations whose chain calls never answer, for a worker of four slots.
      for (let i = 0; i < 6; i++) stuck.push((await mint(hung)).id);
      for (const deadline = Date.now() + 20_000; hung.server.faults.hanging() < 3; ) {
        if (Date.now() > deadline) throw new Error(`only ${hung.server.faults.hanging()} calls reached the hung node`);
        await new Promise((r) => setTimeout(r, 10));
      }
      // Claimed fairly, the hung chain holds three slots and leaves one for a chain with nothing
      // in progress; claimed first-come, it held all four and these waited for a hung call (120 s).
      for (let i = 0; i < 3; i++) {
        const op = await mint(live);
        expect(await waitFor(db, op.id, isTerminal, 20_000)).toBe('posted');
      }
      expect(hung.server.faults.hanging()).toBe(3);
    } finally {
      hung.server.faults.clear();
      await worker.stop();
    }
    const resumed = new Worker({ db, drivers: registryOf(chains.map((c) => c.driver)), pollMs: 20, statusPollMs: 10, tasks: [] });
    await settle(resumed, db, stuck, 30_000);
    for (const id of stuck) expect((await getOperation(db, id)).state).toBe('posted');
  });
});

describe('new work wakes an idle worker before its poll', () => {
  let harness: MemchainHarness;
  beforeAll(async () => {
    harness = await startMemchainHarness();
  });
  afterAll(() => harness.close());

  describeEachBackend('in this process', (backend) => {
    const fresh = useFreshDatabase(backend);
    it('a request wakes a worker whose poll is two minutes', async () => {
      const f = await deployedFund(fresh.current, harness);
      const db = fresh.current.db;
      const worker = testWorker(db, harness.driver, { pollMs: 120_000, tasks: [] });
      worker.start();
      try {
        await worker.listening();
        await new Promise((r) => setTimeout(r, 200)); // past its first claim: idle, asleep on the poll
        const op = await requestMint(db, { ...f, chain: harness.chain, to: f.address, units: 5n });
        expect(await waitFor(db, op.id, isTerminal, 30_000)).toBe('posted');
      } finally {
        await worker.stop();
      }
    });
  });

  describe.skipIf(!process.env.DATABASE_URL)('from another process (Postgres NOTIFY)', () => {
    it('a request committed by another process wakes a worker whose poll is two minutes', async () => {
      const handle = await createTestDb(postgresBackend(process.env.DATABASE_URL ?? ''));
      const db = handle.db;
      const worker = testWorker(db, harness.driver, { pollMs: 120_000, tasks: [] });
      try {
        const f = await deployedFund(handle.database, harness);
        worker.start();
        await worker.listening();
        const child = await runTsChild({
          module: requestChildModule,
          label: 'request child',
          env: {
            FISCUS_DB: JSON.stringify({ ...handle.options, migrate: false }),
            MINT: JSON.stringify({ fundId: f.fundId, chain: harness.chain, to: f.address, walletId: f.walletId, investorId: f.investorId }),
          },
          timeoutMs: 90_000,
        });
        expect(child.code, child.output).toBe(0);
        const id = child.output.match(/op_[0-9a-f]+/)?.[0];
        expect(id, child.output).toBeDefined();
        // Committed by the child while this worker was idle, its poll 120 s away.
        expect(await waitFor(db, id!, isTerminal, 30_000)).toBe('posted');
      } finally {
        await worker.stop();
        await handle.cleanup();
      }
    });
  });
});
