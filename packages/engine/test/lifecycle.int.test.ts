import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { policyToJson, DEFAULT_POLICY } from '@fiscus/core';
import { accountBalance, schema, supplyAccount } from '@fiscus/ledger';
import { describeEachBackend, useFreshDatabase } from '@fiscus/ledger/testing';
import { approveOperation, requestOperation, runReconciliation } from '../src/index.ts';
import { startMemchainHarness, type MemchainHarness } from './support/memchain.ts';
import { deployedFund, deploymentOf, getOperation, requestMint, seedFund, seedWallet, settle, testWorker, until } from '../src/testing/index.ts';
import { DriverRegistry, FiscusError, type ChainDriver, type FundSpec, type PreparedTx } from '@fiscus/core';

describeEachBackend('operation lifecycle: rebuilds, approvals, policy, reconciliation', (backend) => {
  let harness: MemchainHarness;
  const fresh = useFreshDatabase(backend);

  beforeAll(async () => {
    harness = await startMemchainHarness();
  });
  afterAll(() => harness.close());
  afterEach(() => harness.server.faults.clear());

  it('rebuilds with a fresh sequence only when the first transaction provably cannot land', async () => {
    const f = await deployedFund(fresh.current, harness);
    harness.server.faults.set('submit', 'fail');
    const mint = await requestMint(fresh.current.db, { ...f, chain: harness.chain, to: f.address, units: 10n });
    await until(
      f.worker,
      async () => (await getOperation(fresh.current.db, mint.id)).state === 'prepared' && (await getOperation(fresh.current.db, mint.id)).attempts > 0,
    );
    const stuck = await getOperation(fresh.current.db, mint.id);

    // Something else consumes the same nonce on chain (the key used elsewhere).
    const deployment = await deploymentOf(fresh.current.db, f.deploymentId);
    const rival = await harness.driver.prepare({ kind: 'mint', to: f.address, units: 1n }, { deployment, sequence: stuck.sequence! });
    harness.server.faults.clear();
    expect((await harness.driver.submit(rival)).kind).toBe('accepted');

    await settle(f.worker, fresh.current.db, [mint.id]);
    const row = await getOperation(fresh.current.db, mint.id);
    expect(row.state).toBe('posted');
    expect(row.sequence).not.toBe(stuck.sequence);
    expect(row.txHash).not.toBe(stuck.txHash);
    const history = await fresh.current.db.select().from(schema.operationEvents).where(eq(schema.operationEvents.operationId, mint.id));
    expect(history.some((h) => h.detail?.rebuiltFrom === stuck.txHash)).toBe(true);
    expect(await harness.driver.balanceOf(deployment, f.address)).toBe(11n);
  });

  it('re-signs an expired transaction with the same sequence, leaving no gap for later ones', async () => {
    // A chain with time bounds (Stellar): the signed bytes expire unsent; the sequence stays unused.
    let expired = false;
    const submit = async (tx: PreparedTx) => (expired ? { kind: 'rejected', error: new FiscusError('TX_EXPIRED', 'tx_too_late') } : harness.driver.submit(tx));
    const status = async (tx: PreparedTx) => {
      const s = await harness.driver.status(tx);
      return expired && s.kind === 'unknown' ? { kind: 'dropped', reason: 'time bounds expired', sequenceConsumed: false } : s;
    };
    // Delegates to the real driver (bound, for its private fields) except for the two overrides.
    const driver = new Proxy(harness.driver, {
      get: (target, key) =>
        key === 'submit' ? submit : key === 'status' ? status : ((v) => (typeof v === 'function' ? v.bind(target) : v))(Reflect.get(target, key)),
    }) as ChainDriver;
    const worker = testWorker(fresh.current.db, driver);
    const f = await deployedFund(fresh.current, harness, worker);
    harness.server.faults.set('submit', 'fail');
    const mint = await requestMint(fresh.current.db, { ...f, chain: harness.chain, to: f.address, units: 4n });
    await until(worker, async () => (await getOperation(fresh.current.db, mint.id)).attempts > 0);
    const stuck = await getOperation(fresh.current.db, mint.id);
    harness.server.faults.clear();
    expired = true;
    const rebuilt = async () =>
      (await fresh.current.db.select().from(schema.operationEvents).where(eq(schema.operationEvents.operationId, mint.id))).find(
        (e) => e.detail?.rebuiltFrom === stuck.txHash,
      );
    await until(worker, async () => (await rebuilt()) !== undefined);
    expired = false;
    const later = await requestMint(fresh.current.db, { ...f, chain: harness.chain, to: f.address, units: 5n });
    await settle(worker, fresh.current.db, [mint.id, later.id]);

    const row = await getOperation(fresh.current.db, mint.id);
    expect(row).toMatchObject({ state: 'posted', sequence: stuck.sequence });
    expect((await rebuilt())?.detail).toMatchObject({ sequenceKept: true, reason: 'time bounds expired' });
    expect((await getOperation(fresh.current.db, later.id)).sequence).toBe(stuck.sequence! + 1n);
    expect(await harness.driver.balanceOf(await deploymentOf(fresh.current.db, f.deploymentId), f.address)).toBe(9n);
  });

  it('keeps renewing its lease through a step longer than the lease, so no second worker starts it', async () => {
    let deploys = 0;
    const slowDeploy = async (fund: FundSpec) => {
      deploys++;
      await new Promise((r) => setTimeout(r, 1_200));
      return harness.driver.deploy(fund);
    };
    const driver = new Proxy(harness.driver, {
      get: (target, key) => (key === 'deploy' ? slowDeploy : ((v) => (typeof v === 'function' ? v.bind(target) : v))(Reflect.get(target, key))),
    }) as ChainDriver;
    const a = testWorker(fresh.current.db, driver, { leaseMs: 300, id: 'worker-a' });
    const b = testWorker(fresh.current.db, driver, { leaseMs: 300, id: 'worker-b' });
    const { deploy } = await seedFund(fresh.current.db, { chain: harness.chain });
    const first = a.tick();
    await new Promise((r) => setTimeout(r, 700)); // well past a's original lease
    expect(await b.tick()).toBe(0);
    await first;
    expect(deploys).toBe(1);
    expect((await getOperation(fresh.current.db, deploy.id)).state).toBe('posted');
  });

  it('holds an operation that needs a second approver until a different principal approves', async () => {
    const f = await deployedFund(fresh.current, harness);
    const op = await requestOperation(fresh.current.db, {
      fundId: f.fundId,
      chain: harness.chain,
      body: { kind: 'mint', to: f.address, units: 1_000n },
      context: { walletId: f.walletId, investorId: f.investorId },
      requestedBy: 'maker',
      requiresApproval: true,
    });
    await f.worker.tick();
    expect((await getOperation(fresh.current.db, op.id)).state).toBe('requested');
    await expect(approveOperation(fresh.current.db, { id: op.id, approvedBy: 'maker' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await approveOperation(fresh.current.db, { id: op.id, approvedBy: 'checker' });
    await settle(f.worker, fresh.current.db, [op.id]);
    expect((await getOperation(fresh.current.db, op.id)).state).toBe('posted');
  });

  it('re-evaluates the policy before signing', async () => {
    const f = await deployedFund(fresh.current, harness);
    const mint = await requestMint(fresh.current.db, { ...f, chain: harness.chain, to: f.address, units: 5n });
    await fresh.current.db
      .update(schema.funds)
      .set({ policy: policyToJson({ ...DEFAULT_POLICY, kycRequired: false, blockedJurisdictions: ['US'] }) })
      .where(eq(schema.funds.id, f.fundId));
    await settle(f.worker, fresh.current.db, [mint.id]);
    const row = await getOperation(fresh.current.db, mint.id);
    expect(row.state).toBe('failed');
    expect(row.lastError?.code).toBe('POLICY_DENIED');
    expect(row.txHash).toBeNull();
  });

  it('does not sign an authorization whose investor lost KYC after the request', async () => {
    const f = await deployedFund(fresh.current, harness);
    await fresh.current.db
      .update(schema.funds)
      .set({ policy: policyToJson({ ...DEFAULT_POLICY, kycRequired: true }) })
      .where(eq(schema.funds.id, f.fundId));
    const second = await seedWallet(fresh.current.db, { fundId: f.fundId, chain: harness.chain, address: harness.newAddress() });
    await fresh.current.db.update(schema.investors).set({ kycStatus: 'revoked' }).where(eq(schema.investors.id, second.investorId));
    await settle(f.worker, fresh.current.db, [second.authorize.id]);
    const row = await getOperation(fresh.current.db, second.authorize.id);
    expect(row).toMatchObject({ state: 'failed', txHash: null, lastError: { code: 'POLICY_DENIED' } });
    const [standing] = await fresh.current.db.select().from(schema.fundWallets).where(eq(schema.fundWallets.walletId, second.walletId));
    expect(standing?.status).toBe('rejected');
  });

  it('reconciles clean, then detects drift, blocks mints and reports it', async () => {
    const f = await deployedFund(fresh.current, harness);
    const drivers = new DriverRegistry().register(harness.driver);
    const mint = await requestMint(fresh.current.db, { ...f, chain: harness.chain, to: f.address, units: 100n });
    await settle(f.worker, fresh.current.db, [mint.id]);
    const [clean] = await runReconciliation(fresh.current.db, drivers, { fundId: f.fundId });
    expect(clean).toMatchObject({ status: 'clean', ledgerSupply: 100n, chainSupply: 100n, drift: 0n });

    // An out-of-band mint the ledger never saw.
    const deployment = await deploymentOf(fresh.current.db, f.deploymentId);
    const signer = harness.driver.signerFor({ kind: 'mint', to: f.address, units: 1n }, deployment);
    const sequence = await harness.driver.nextSequence(signer);
    const rogue = await harness.driver.prepare({ kind: 'mint', to: f.address, units: 9n }, { deployment, sequence });
    await harness.driver.submit(rogue);
    await until(undefined, async () => (await harness.driver.status(rogue)).kind === 'confirmed');

    const [drift] = await runReconciliation(fresh.current.db, drivers, { fundId: f.fundId });
    expect(drift).toMatchObject({ status: 'drift', ledgerSupply: 100n, chainSupply: 109n, drift: 9n });
    const [dep] = await fresh.current.db.select().from(schema.deployments).where(eq(schema.deployments.id, f.deploymentId));
    expect(dep?.mintsBlocked).toBe(true);

    const blocked = await requestMint(fresh.current.db, { ...f, chain: harness.chain, to: f.address, units: 1n });
    await settle(f.worker, fresh.current.db, [blocked.id]);
    expect((await getOperation(fresh.current.db, blocked.id)).lastError?.code).toBe('MINTS_BLOCKED');
    expect(await accountBalance(fresh.current.db, { fundId: f.fundId, code: supplyAccount(harness.chain), commodity: 'units' })).toBe(100n);
  });
});
