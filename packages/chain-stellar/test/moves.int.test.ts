import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ChainDriver } from '@fiscus/core';
import { describeEachBackend, useFreshDatabase } from '@fiscus/ledger/testing';
import { moveView, requestMove } from '@fiscus/engine';
import { books, driveMoves, mintOn, moveState, seedMoveFund, startChains, twoChainWorker, type TestChain } from '../../engine/test/support/two-chains.ts';
import { startStellarHarness } from './support/engine-harness.ts';

/** A move between a memchain node and the Stellar local ledger: the burn on Stellar is a clawback. */
describeEachBackend('cross-chain moves between memchain and the Stellar local ledger', (backend) => {
  const database = useFreshDatabase(backend);
  let mem: TestChain;
  let stellar: Awaited<ReturnType<typeof startStellarHarness>>;
  beforeAll(async () => {
    mem = (await startChains(['tostellar']))[0]!;
    stellar = await startStellarHarness();
  });
  afterAll(async () => {
    await mem.server.close();
    await stellar.close();
  });

  it('memchain → Stellar (mint) and back (clawback): supply per chain follows, total unchanged, transit 0', async () => {
    const db = database.current.db;
    const chains: { chain: string; driver: ChainDriver }[] = [mem, stellar];
    const worker = twoChainWorker(
      db,
      chains.map((c) => c.driver),
    );
    const f = await seedMoveFund(db, worker, chains, { addressFor: (chain) => (chain === stellar.chain ? stellar.newAddress() : undefined) });
    await mintOn(db, worker, f, mem.chain, 900_000n);
    const move = (from: string, to: string, units: bigint) =>
      requestMove(db, {
        fundId: f.fundId,
        from: { chain: from, wallet: f.wallets[from]!.address },
        to: { chain: to, wallet: f.wallets[to]!.address },
        units,
        requestedBy: 't',
      });

    const out = await move(mem.chain, stellar.chain, 600_000n);
    await driveMoves(worker, db, async () => (await moveState(db, out.id)).state === 'completed');
    let end = await books(db, f, chains);
    expect(end.perChain[stellar.chain]).toEqual({ ledger: 600_000n, chain: 600_000n, wallet: 600_000n });
    expect(end.perChain[mem.chain]!.chain).toBe(300_000n);

    const back = await move(stellar.chain, mem.chain, 250_000n);
    await driveMoves(worker, db, async () => (await moveState(db, back.id)).state === 'completed');
    const view = await moveView(db, f.fundId, back.id);
    expect(view.legs.map((l) => [l.leg, l.chain, l.state])).toEqual([
      ['burn', stellar.chain, 'posted'],
      ['mint', mem.chain, 'posted'],
    ]);
    end = await books(db, f, chains);
    expect(end.perChain[stellar.chain]).toEqual({ ledger: 350_000n, chain: 350_000n, wallet: 350_000n });
    expect(end.perChain[mem.chain]).toEqual({ ledger: 550_000n, chain: 550_000n, wallet: 550_000n });
    expect(end.transit).toBe(0n);
    expect(end.invariant).toMatchObject({ ok: true, outstanding: 900_000n });
  });
});
