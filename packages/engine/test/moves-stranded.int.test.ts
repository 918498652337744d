import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { newId, type ChainId } from '@fiscus/core';
import { schema, type Db } from '@fiscus/ledger';
import { describeEachBackend, useFreshDatabase } from '@fiscus/ledger/testing';
import { moveView, requestMove, requestOperation, resolveMove, type Worker } from '../src/index.ts';
import { settle } from '../src/testing/index.ts';
import { randomAddress } from './support/memchain.ts';
import { books, driveMoves, mintOn, moveState, seedMoveFund, startChains, twoChainWorker, type MoveFund, type TestChain } from './support/two-chains.ts';

/** Registers and authorizes one more wallet of the fund's investor on `chain`. */
async function extraWallet(db: Db, worker: Worker, f: MoveFund, chain: string) {
  const address = randomAddress();
  const walletId = newId('wal');
  await db.insert(schema.wallets).values({ id: walletId, investorId: f.investorId, chain, address });
  await db.insert(schema.fundWallets).values({ fundId: f.fundId, walletId, status: 'pending' });
  const op = await requestOperation(db, {
    fundId: f.fundId,
    chain: chain as ChainId,
    body: { kind: 'authorize', address, investorId: f.investorId, country: 840 },
    context: { walletId, investorId: f.investorId },
    requestedBy: 'test',
  });
  await settle(worker, db, [op.id]);
  return { walletId, address };
}

const HELD_OR_ENDED = ['stranded', 'failed', 'compensated', 'completed'];

describeEachBackend('a move whose compensation fails is held for an operator, never lost', (backend) => {
  const database = useFreshDatabase(backend);
  let chains: TestChain[];
  let a: string;
  let b: string;
  let worker: Worker;
  let f: MoveFund;
  beforeAll(async () => {
    chains = await startChains(['xi', 'omicron']);
    [a, b] = chains.map((c) => c.chain) as [string, string];
  });
  afterAll(() => Promise.all(chains.map((c) => c.server.close())));
  beforeEach(async () => {
    worker = twoChainWorker(
      database.current.db,
      chains.map((c) => c.driver),
    );
    f = await seedMoveFund(database.current.db, worker, chains);
    await mintOn(database.current.db, worker, f, a, 1_000_000n);
  });

  /** Burned on a; then b refuses the destination wallet on chain and a's wallet is deauthorized. */
  async function strandedMove() {
    const db = database.current.db;
    const m = await requestMove(db, {
      fundId: f.fundId,
      from: { chain: a, wallet: f.wallets[a]!.address },
      to: { chain: b, wallet: f.wallets[b]!.address },
      units: 300_000n,
      requestedBy: 'treasurer',
    });
    await driveMoves(worker, db, async () => (await moveState(db, m.id)).state === 'burned');
    const dst = chains[1]!;
    const [dep] = await db.select().from(schema.deployments).where(eq(schema.deployments.id, f.deployments[b]!));
    const deployment = { chain: dst.chain, details: dep!.details! };
    const tx = await dst.driver.prepare(
      { kind: 'deauthorize', address: f.wallets[b]!.address },
      { deployment, sequence: await dst.driver.nextSequence(dst.driver.signerFor({ kind: 'pause' }, deployment)) },
    );
    expect((await dst.driver.submit(tx)).kind).toBe('accepted');
    const src = f.wallets[a]!;
    const deauth = await requestOperation(db, {
      fundId: f.fundId,
      chain: a as ChainId,
      body: { kind: 'deauthorize', address: src.address },
      context: { walletId: src.walletId, investorId: f.investorId },
      requestedBy: 'compliance',
    });
    await settle(worker, db, [deauth.id]);
    await driveMoves(worker, db, async () => HELD_OR_ENDED.includes((await moveState(db, m.id)).state));
    return m;
  }

  it('the failed re-mint holds the move `stranded` (units in transit, reason shown); an operator re-mints to another wallet of the investor', async () => {
    const db = database.current.db;
    const spare = await extraWallet(db, worker, f, a);
    const m = await strandedMove();

    const held = await moveView(db, f.fundId, m.id);
    expect(held.state).toBe('stranded');
    expect(held.completedAt).toBeNull();
    expect(held.error).toMatchObject({ code: 'COMPENSATION_FAILED' });
    expect(held.error!.message).toMatch(/300000 units remain in transit/);
    expect(held.legs.map((l) => [l.leg, l.chain, l.state])).toEqual([
      ['burn', a, 'posted'],
      ['mint', b, 'failed'],
      ['compensation', a, 'failed'],
    ]);
    // The invariant holds while held: the units are in transit, not lost.
    const during = await books(db, f, chains);
    expect(during.transit).toBe(300_000n);
    expect(during.invariant).toMatchObject({ ok: true, outstanding: 1_000_000n });
    const [alert] = await db.select().from(schema.auditLog).where(sql`${schema.auditLog.action} = 'move.stranded' and ${schema.auditLog.subject} = ${m.id}`);
    expect(alert?.data).toMatchObject({ units: '300000' });

    // The operator's decision: the investor's other authorized wallet on the source chain.
    const resolved = await resolveMove(db, { fundId: f.fundId, moveId: m.id, action: 'remint', chain: a, address: spare.address, actor: 'key_ops' });
    expect(resolved.state).toBe('compensating');
    await driveMoves(worker, db, async () => !['compensating'].includes((await moveState(db, m.id)).state));

    const end = await moveView(db, f.fundId, m.id);
    expect(end.state).toBe('compensated');
    expect(end.legs.find((l) => l.leg === 'compensation')).toMatchObject({ chain: a, state: 'posted', address: spare.address });
    const after = await books(db, f, chains);
    expect(after.transit).toBe(0n);
    expect(after.invariant).toMatchObject({ ok: true, outstanding: 1_000_000n });
    expect(after.perChain[a]).toEqual({ ledger: 1_000_000n, chain: 1_000_000n, wallet: 700_000n });
    expect(after.perChain[b]).toEqual({ ledger: 0n, chain: 0n, wallet: 0n });
    const deployment = {
      chain: a as ChainId,
      details: (await db.select().from(schema.deployments).where(eq(schema.deployments.id, f.deployments[a]!)))[0]!.details!,
    };
    expect(await chains[0]!.driver.balanceOf(deployment, spare.address)).toBe(300_000n);
    const [row] = await db.select().from(schema.fundWallets).where(eq(schema.fundWallets.walletId, spare.walletId));
    expect(row!.units).toBe(300_000n);
    const [audit] = await db.select().from(schema.auditLog).where(sql`${schema.auditLog.action} = 'move.resolved' and ${schema.auditLog.subject} = ${m.id}`);
    expect(audit).toMatchObject({ actor: 'key_ops', data: expect.objectContaining({ action: 'remint', chain: a, address: spare.address }) });
  });

  it('refuses a resolution that cannot land or is not needed, with stable codes; retry works once the source is authorized again', async () => {
    const db = database.current.db;
    const m = await strandedMove();
    expect((await moveState(db, m.id)).state).toBe('stranded');
    const resolve = (p: { action: 'retry' | 'remint'; chain?: string; address?: string }, moveId = m.id) =>
      resolveMove(db, { fundId: f.fundId, moveId, actor: 'key_ops', ...p }).then(
        () => 'ok',
        (e: { code?: string }) => e.code,
      );
    // The source wallet is still deauthorized: a retry would fail again.
    expect(await resolve({ action: 'retry' })).toBe('NOT_AUTHORIZED_ON_CHAIN');
    expect(await resolve({ action: 'remint', chain: a })).toBe('VALIDATION_FAILED');
    expect(await resolve({ action: 'remint', chain: a, address: randomAddress() })).toBe('NOT_FOUND');
    expect(await resolve({ action: 'retry' }, 'move_unknown')).toBe('NOT_FOUND');
    // Another investor's wallet: units stay with their owner.
    const otherInvestor = newId('inv');
    await db
      .insert(schema.investors)
      .values({ id: otherInvestor, legalName: 'Other', jurisdiction: 'US', jurisdictionNumeric: 840, investorType: 'institutional', kycStatus: 'verified' });
    const foreign = { id: newId('wal'), address: randomAddress() };
    await db.insert(schema.wallets).values({ id: foreign.id, investorId: otherInvestor, chain: a, address: foreign.address });
    await db.insert(schema.fundWallets).values({ fundId: f.fundId, walletId: foreign.id, status: 'authorized' });
    expect(await resolve({ action: 'remint', chain: a, address: foreign.address })).toBe('POLICY_DENIED');

    const src = f.wallets[a]!;
    const reauth = await requestOperation(db, {
      fundId: f.fundId,
      chain: a as ChainId,
      body: { kind: 'authorize', address: src.address, investorId: f.investorId, country: 840 },
      context: { walletId: src.walletId, investorId: f.investorId },
      requestedBy: 'compliance',
    });
    await settle(worker, db, [reauth.id]);
    expect(await resolve({ action: 'retry' })).toBe('ok');
    // A second resolution of the same move: it is no longer held.
    expect(await resolve({ action: 'retry' })).toBe('MOVE_NOT_STRANDED');
    await driveMoves(worker, db, async () => (await moveState(db, m.id)).state === 'compensated');
    const end = await books(db, f, chains);
    expect(end.transit).toBe(0n);
    expect(end.perChain[a]).toEqual({ ledger: 1_000_000n, chain: 1_000_000n, wallet: 1_000_000n });
    expect(end.invariant.ok).toBe(true);
  });
});
