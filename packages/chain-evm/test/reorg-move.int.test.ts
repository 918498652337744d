import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { schema, type Db } from '@fiscus/ledger';
import { describeEachBackend, useFreshDatabase } from '@fiscus/ledger/testing';
import { ingestEvents, moveView, requestMove } from '@fiscus/engine';
import { deploymentOf } from '@fiscus/engine/testing';
import type { EvmDriver } from '../src/index.ts';
// The engine's cross-chain move kit (memchain destination, seeding, driving, books).
import {
  books,
  driveMoves,
  mintOn,
  moveState,
  registryOf,
  seedMoveFund,
  startChains,
  twoChainWorker,
  type TestChain,
} from '../../engine/test/support/two-chains.ts';
import { startEvmTestDevnet, type EvmTestDevnet } from './support/devnet.ts';
import { holderTransfer } from './support/holder.ts';

/** A block is final under 3 more. */
const DEPTH = 3;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Mines a block every few ms (anvil only mines on transactions): finality comes with time. */
function startMiner(devnet: EvmTestDevnet): () => Promise<void> {
  let on = true;
  const loop = (async () => {
    while (on) {
      await devnet.anvil.cheats.mine(1);
      await sleep(15);
    }
  })();
  return async () => {
    on = false;
    await loop;
  };
}

const movesOps = (db: Db, moveId: string) => db.select().from(schema.operations).where(sql`${schema.operations.context}->>'moveId' = ${moveId}`);

describeEachBackend('a move whose EVM source burn is reorged away before it is final', (backend) => {
  const database = useFreshDatabase(backend);
  let devnet: EvmTestDevnet;
  let evm: EvmDriver;
  let dst: TestChain;
  beforeAll(async () => {
    devnet = await startEvmTestDevnet();
    evm = devnet.driver({ confirmations: DEPTH });
    [dst] = (await startChains(['reorg-dst'])) as [TestChain];
  });
  afterAll(async () => {
    await dst.server.close();
    await devnet.close();
  });

  it('mints nothing on the destination while the burn is not final; after the reorg the same bytes land once and the books follow the chain', async () => {
    const db = database.current.db;
    const chains = [
      { chain: evm.chain, driver: evm },
      { chain: dst.chain, driver: dst.driver },
    ];
    const worker = twoChainWorker(db, [evm, dst.driver]);
    const investor = devnet.investor();
    let stopMiner = startMiner(devnet);
    const f = await seedMoveFund(db, worker, chains, { addressFor: (c) => (c === evm.chain ? investor.address : undefined) });
    await mintOn(db, worker, f, evm.chain, 1_000n);
    const evmDeployment = await deploymentOf(db, f.deployments[evm.chain]!);
    const ingest = () => ingestEvents(db, registryOf([evm, dst.driver]), { deploymentId: f.deployments[evm.chain]! });
    await ingest();
    await stopMiner();

    // The fork point: everything above it is about to be reorged away.
    const fork = await devnet.anvil.cheats.snapshot();
    const m = await requestMove(db, {
      fundId: f.fundId,
      from: { chain: evm.chain, wallet: investor.address },
      to: { chain: dst.chain, wallet: f.wallets[dst.chain]!.address },
      units: 400n,
      requestedBy: 'treasurer',
    });
    // The burn is mined (in the head block, not final)...
    await driveMoves(worker, db, async () => (await evm.balanceOf(evmDeployment, investor.address)) === 600n);
    // ...and an investor's own redemption transfer too (ingest must not book it yet).
    await holderTransfer(devnet, evm.provider, evmDeployment.details.token!, investor, evmDeployment.details.redemptionAddress!, 50n);
    for (let i = 0; i < 20; i++) {
      await driveMoves(worker, db, async () => true);
      await sleep(5);
    }
    const [burn] = await movesOps(db, m.id);
    expect(burn).toMatchObject({ kind: 'burn', state: 'submitted' }); // not confirmed: not final
    const burnHash = burn!.txHash;
    expect((await moveView(db, f.fundId, m.id)).mintOperationId ?? null).toBeNull();
    expect(await dst.driver.totalSupply({ chain: dst.chain, details: (await deploymentOf(db, f.deployments[dst.chain]!)).details })).toBe(0n);
    expect((await books(db, f, chains)).transit).toBe(0n);
    expect((await ingest()).redemptions).toBe(0);

    // The reorg: the blocks holding the burn and the transfer leave the chain, which grows past them.
    await devnet.anvil.cheats.revert(fork);
    await devnet.anvil.cheats.mine(DEPTH + 2);
    expect(await evm.balanceOf(evmDeployment, investor.address)).toBe(1_000n);
    expect((await ingest()).redemptions).toBe(0);

    // The engine finds the hash gone with its nonce free, resends the same bytes, and goes on once final.
    stopMiner = startMiner(devnet);
    try {
      await driveMoves(worker, db, async () => (await moveState(db, m.id)).state === 'completed', { timeoutMs: 60_000 });
    } finally {
      await stopMiner();
    }
    const ops = await movesOps(db, m.id);
    expect(ops.map((o) => `${o.kind}:${o.state}`).sort()).toEqual(['burn:posted', 'mint:posted']);
    expect(ops.find((o) => o.kind === 'burn')!.txHash).toBe(burnHash); // never signed a second burn
    const end = await books(db, f, chains);
    expect(end.perChain[evm.chain]).toEqual({ ledger: 600n, chain: 600n, wallet: 600n });
    expect(end.perChain[dst.chain]).toEqual({ ledger: 400n, chain: 400n, wallet: 400n });
    expect(end.transit).toBe(0n);
    expect(end.invariant).toMatchObject({ ok: true, outstanding: 1_000n });
    expect((await ingest()).redemptions).toBe(0);
    expect(await db.select().from(schema.redemptions)).toEqual([]);
  });
});
