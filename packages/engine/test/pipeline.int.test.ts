import { afterAll, beforeAll, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { accountBalance, schema, supplyAccount } from '@fiscus/ledger';
import { describeEachBackend, useFreshDatabase } from '@fiscus/ledger/testing';
import { startMemchainHarness, type MemchainHarness } from './support/memchain.ts';
import { deployedFund, deploymentOf, getOperation, requestMint, settle } from '../src/testing/index.ts';

describeEachBackend('operation pipeline on memchain', (backend) => {
  let harness: MemchainHarness;
  const fresh = useFreshDatabase(backend);

  beforeAll(async () => {
    harness = await startMemchainHarness();
  });
  afterAll(() => harness.close());

  it('walks a mint through every state and posts it exactly once', async () => {
    const f = await deployedFund(fresh.current, harness);
    const mint = await requestMint(fresh.current.db, { ...f, chain: harness.chain, to: f.address, units: 1_500_000n });
    await settle(f.worker, fresh.current.db, [mint.id]);

    const row = await getOperation(fresh.current.db, mint.id);
    expect(row.state).toBe('posted');
    expect(row.txHash).toMatch(/^[0-9a-f]{64}$/);
    const history = await fresh.current.db
      .select()
      .from(schema.operationEvents)
      .where(eq(schema.operationEvents.operationId, mint.id))
      .orderBy(schema.operationEvents.id);
    expect(history.map((h) => h.toState)).toEqual(['approved', 'prepared', 'submitted', 'confirmed', 'posted']);

    const entries = await fresh.current.db.select().from(schema.journalEntries).where(eq(schema.journalEntries.operationId, mint.id));
    expect(entries).toHaveLength(1);
    const ledger = await accountBalance(fresh.current.db, { fundId: f.fundId, code: supplyAccount(harness.chain), commodity: 'units' });
    const deployment = await deploymentOf(fresh.current.db, f.deploymentId);
    expect(ledger).toBe(1_500_000n);
    expect(await harness.driver.totalSupply(deployment)).toBe(1_500_000n);
    expect(await harness.driver.balanceOf(deployment, f.address)).toBe(1_500_000n);
    const [position] = await fresh.current.db.select().from(schema.fundWallets).where(eq(schema.fundWallets.walletId, f.walletId));
    expect(position?.units).toBe(1_500_000n);
  });

  it('retries a submit that failed and still lands exactly once', async () => {
    const f = await deployedFund(fresh.current, harness);
    harness.server.faults.set('submit', 'fail', 2);
    const mint = await requestMint(fresh.current.db, { ...f, chain: harness.chain, to: f.address, units: 7n });
    await settle(f.worker, fresh.current.db, [mint.id]);
    harness.server.faults.clear();
    const row = await getOperation(fresh.current.db, mint.id);
    expect(row.state).toBe('posted');
    expect(row.attempts).toBeGreaterThanOrEqual(2);
    const deployment = await deploymentOf(fresh.current.db, f.deploymentId);
    expect(await harness.driver.totalSupply(deployment)).toBe(7n);
  });

  it('resends the same bytes when the submit answer is lost, without a second effect', async () => {
    const f = await deployedFund(fresh.current, harness);
    harness.server.faults.set('submit', 'lose', 1);
    const mint = await requestMint(fresh.current.db, { ...f, chain: harness.chain, to: f.address, units: 42n });
    await settle(f.worker, fresh.current.db, [mint.id]);
    harness.server.faults.clear();
    const row = await getOperation(fresh.current.db, mint.id);
    expect(row.state).toBe('posted');
    const deployment = await deploymentOf(fresh.current.db, f.deploymentId);
    expect(await harness.driver.totalSupply(deployment)).toBe(42n);
    expect(await accountBalance(fresh.current.db, { fundId: f.fundId, code: supplyAccount(harness.chain), commodity: 'units' })).toBe(42n);
  });

  it('gets past a node that hangs on status and on submit', async () => {
    const f = await deployedFund(fresh.current, harness);
    harness.server.faults.set('submit', 'hang', 1);
    harness.server.faults.set('status', 'hang', 2);
    const mint = await requestMint(fresh.current.db, { ...f, chain: harness.chain, to: f.address, units: 9n });
    await settle(f.worker, fresh.current.db, [mint.id]);
    harness.server.faults.clear();
    const row = await getOperation(fresh.current.db, mint.id);
    expect(row.state).toBe('posted');
    expect(row.attempts).toBeGreaterThanOrEqual(1);
    expect(await harness.driver.totalSupply(await deploymentOf(fresh.current.db, f.deploymentId))).toBe(9n);
  });

  it('fails an on-chain failure without posting, and later operations still land', async () => {
    const f = await deployedFund(fresh.current, harness);
    const { requestOperation } = await import('../src/index.ts');
    const burn = await requestOperation(fresh.current.db, {
      fundId: f.fundId,
      chain: harness.chain,
      body: { kind: 'burn', from: f.address, units: 5n },
      context: { walletId: f.walletId, investorId: f.investorId },
      requestedBy: 'test',
    });
    await settle(f.worker, fresh.current.db, [burn.id]);
    const failed = await getOperation(fresh.current.db, burn.id);
    expect(failed.state).toBe('failed');
    expect(failed.lastError?.code).toBe('INSUFFICIENT_BALANCE');
    expect(await fresh.current.db.select().from(schema.journalEntries).where(eq(schema.journalEntries.operationId, burn.id))).toHaveLength(0);

    const mint = await requestMint(fresh.current.db, { ...f, chain: harness.chain, to: f.address, units: 3n });
    await settle(f.worker, fresh.current.db, [mint.id]);
    expect((await getOperation(fresh.current.db, mint.id)).state).toBe('posted');
  });
});
