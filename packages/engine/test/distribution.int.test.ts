import { afterAll, beforeAll, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { DEFAULT_POLICY, operationFromJson, policyToJson } from '@fiscus/core';
import { accountBalance, schema, supplyAccount } from '@fiscus/ledger';
import { describeEachBackend, useFreshDatabase } from '@fiscus/ledger/testing';
import { getDistributionProgress, requestDistribution } from '../src/index.ts';
import { deploymentFor, seedYieldFund, startTwoChains } from './support/yield-chains.ts';
import { runDistribution, yieldWorker } from './support/yield-drive.ts';

const MAX_BATCH = 3;
const sum = (xs: bigint[]) => xs.reduce((a, b) => a + b, 0n);

describeEachBackend('yield distribution over two chains', (backend) => {
  let net: Awaited<ReturnType<typeof startTwoChains>>;
  const fresh = useFreshDatabase(backend);
  beforeAll(async () => {
    net = await startTwoChains(MAX_BATCH);
  });
  afterAll(() => net.close());

  it('allocates pro rata rounding down, carries the remainder, batches ≤ maxBatch, supply per chain = ledger', async () => {
    const db = fresh.current.db;
    const worker = yieldWorker(db, net.drivers);
    // Uneven positions: 5 holders on chain A (2 batches of ≤ 3), 4 on chain B (2 batches); all get > 0.
    const { fundId, holders } = await seedYieldFund(db, worker, net.chains, [
      [1_000_001n, 70_000n, 333_333n, 5_003n, 20_000n],
      [999_000n, 12_345_679n, 1_001n, 10_000n],
    ]);
    const held = sum(holders.map((h) => h.position));

    const first = await requestDistribution(db, { fundId, recordTime: new Date(), units: 1_000_003n, requestedBy: 'test' });
    const done = await runDistribution(db, net.drivers, worker, first.id);
    expect(done.state).toBe('completed');

    // YIELD_PRO_RATA_ROUND_DOWN, computed here independently from the cap table we seeded.
    const expected = holders.map((h) => (1_000_003n * h.position) / held);
    expect(expected.every((u) => u > 0n) && done.carryOut! > 0n).toBe(true);
    const allocations = await db.select().from(schema.distributionAllocations).where(eq(schema.distributionAllocations.distributionId, first.id));
    for (const [i, h] of holders.entries()) expect(allocations.find((a) => a.walletId === h.walletId)?.units, h.walletId).toBe(expected[i]);
    expect(done.carryOut).toBe(1_000_003n - sum(expected));
    expect(sum(allocations.map((a) => a.units)) + done.carryOut!).toBe(1_000_003n + 0n);
    const [carry] = await db.select().from(schema.distributionCarry).where(eq(schema.distributionCarry.fundId, fundId));
    expect(carry?.units).toBe(done.carryOut);

    // Batches: ⌈holders/maxBatch⌉ operations per chain, none larger than maxBatch, each naming the distribution.
    const ops = await db.select().from(schema.operations).where(eq(schema.operations.fundId, fundId));
    const batches = ops.filter((o) => o.context.distributionId === first.id);
    for (const [i, c] of net.chains.entries()) {
      const mine = batches.filter((o) => o.chain === c.chain);
      const n = holders.filter((h) => h.chain === c.chain).length;
      expect(mine).toHaveLength(Math.ceil(n / MAX_BATCH));
      for (const o of mine) {
        const body = operationFromJson(o.body);
        expect(body.kind === 'batch' ? body.items.length : 1).toBeLessThanOrEqual(MAX_BATCH);
        expect(o.state).toBe('posted');
      }
      // The chain's own view: supply = ledger supply:<chain>, and each holder got exactly its allocation.
      const deployment = await deploymentFor(db, fundId, c.chain);
      const ledger = await accountBalance(db, { fundId, code: supplyAccount(c.chain), commodity: 'units' });
      expect(await c.driver.totalSupply(deployment)).toBe(ledger);
      for (const [j, h] of holders.entries()) {
        if (h.chain === c.chain) expect(await c.driver.balanceOf(deployment, h.address)).toBe(h.position + expected[j]!);
      }
      expect(i).toBeGreaterThanOrEqual(0);
    }

    const progress = await getDistributionProgress(db, { fundId, id: first.id });
    expect(progress?.chains.map((c) => [c.chain, c.holders, c.batchesRequested, c.batchesPosted])).toEqual([
      ['memory:yielda', 5, 2, 2],
      ['memory:yieldb', 4, 2, 2],
    ]);
    expect(sum(progress!.chains.map((c) => c.unitsPaid))).toBe(sum(expected));

    // The next distribution starts from the carry: nothing created or lost over both.
    const second = await requestDistribution(db, { fundId, recordTime: new Date(), units: 17n, requestedBy: 'test' });
    const done2 = await runDistribution(db, net.drivers, worker, second.id);
    expect(done2.carryIn).toBe(done.carryOut);
    const paid2 = await db.select().from(schema.distributionAllocations).where(eq(schema.distributionAllocations.distributionId, second.id));
    expect(sum(paid2.map((a) => a.units)) + done2.carryOut!).toBe(17n + done.carryOut!);
    const outstanding = -(await accountBalance(db, { fundId, code: 'issuance', commodity: 'units' }));
    expect(outstanding).toBe(held + sum(expected) + sum(paid2.map((a) => a.units)));
  });

  it('withholds what a holder may not receive (max holding, frozen wallet): held in carry and audited', async () => {
    const db = fresh.current.db;
    const worker = yieldWorker(db, net.drivers);
    const { fundId, holders } = await seedYieldFund(db, worker, net.chains, [[1_000n, 500n], [500n]]);
    // The policy now caps holdings at 1,050: the 1,000 holder would go over with its yield.
    await db
      .update(schema.funds)
      .set({ policy: policyToJson({ ...DEFAULT_POLICY, kycRequired: false, maxHolding: 1_050n }) })
      .where(eq(schema.funds.id, fundId));
    await db.update(schema.fundWallets).set({ status: 'frozen' }).where(eq(schema.fundWallets.walletId, holders[2]!.walletId));

    const d = await requestDistribution(db, { fundId, recordTime: new Date(), units: 200n, requestedBy: 'test' });
    const done = await runDistribution(db, net.drivers, worker, d.id);
    const rows = await db.select().from(schema.distributionAllocations).where(eq(schema.distributionAllocations.distributionId, d.id));
    const by = (w: string) => rows.find((r) => r.walletId === w)!;
    expect(by(holders[0]!.walletId)).toMatchObject({ units: 100n, status: 'withheld', reason: 'policy_max_holding', operationId: null });
    expect(by(holders[1]!.walletId)).toMatchObject({ units: 50n, status: 'planned' });
    expect(by(holders[2]!.walletId)).toMatchObject({ units: 50n, status: 'withheld', reason: 'wallet_frozen' });
    expect(done).toMatchObject({ state: 'completed', withheldUnits: 150n, carryOut: 150n });
    const audits = await db.select().from(schema.auditLog).where(eq(schema.auditLog.subject, d.id));
    expect(audits.filter((a) => a.action === 'distribution.withheld')).toHaveLength(2);
    const deployment = await deploymentFor(db, fundId, holders[0]!.chain);
    expect(await net.chains[0]!.driver.balanceOf(deployment, holders[0]!.address)).toBe(1_000n);
  });

  it('waits for its record time, plans once with two saga rounds at once, and pays nothing twice', async () => {
    const db = fresh.current.db;
    const worker = yieldWorker(db, net.drivers);
    const { fundId } = await seedYieldFund(db, worker, net.chains, [[10n], [30n]]);
    const later = await requestDistribution(db, { fundId, recordTime: new Date(Date.now() + 60_000), units: 4n, requestedBy: 'test' });
    const { advanceDistributions } = await import('../src/index.ts');
    expect(await advanceDistributions(db, net.drivers)).toEqual({ planned: 0, finished: 0 });
    const now = await requestDistribution(db, { fundId, recordTime: new Date(), units: 4n, requestedBy: 'test' });
    // Two saga rounds at once (two workers): one plans, the other skips the locked / planned row.
    const rounds = await Promise.all([advanceDistributions(db, net.drivers), advanceDistributions(db, net.drivers)]);
    expect(rounds.reduce((n, r) => n + r.planned, 0)).toBe(1);
    await runDistribution(db, net.drivers, worker, now.id);
    await advanceDistributions(db, net.drivers);
    const ops = await db.select().from(schema.operations).where(eq(schema.operations.fundId, fundId));
    expect(ops.filter((o) => o.context.distributionId === now.id)).toHaveLength(2);
    const [row] = await db.select().from(schema.distributions).where(eq(schema.distributions.id, later.id));
    expect(row?.state).toBe('pending');
  });
});
