import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { policyToJson, DEFAULT_POLICY } from '@fiscus/core';
import { accountBalance, schema, supplyAccount } from '@fiscus/ledger';
import { describeEachBackend, useFreshDatabase } from '@fiscus/ledger/testing';
import { approveOperation, requestOperation, runReconciliation } from '../src/index.ts';
import { startMemchainHarness, type MemchainHarness } from './support/memchain.ts';
import { deployedFund, deploymentOf, getOperation, requestMint, seedWallet, settle, until } from '../src/testing/index.ts';
import { DriverRegistry } from '@fiscus/core';

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
    await until(f.worker, async () => (await getOperation(fresh.current.db, mint.id)).state === 'prepared' && (await getOperation(fresh.current.db, mint.id)).attempts > 0);
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
    await fresh.current.db.update(schema.funds).set({ policy: policyToJson({ ...DEFAULT_POLICY, kycRequired: false, blockedJurisdictions: ['US'] }) }).where(eq(schema.funds.id, f.fundId));
    await settle(f.worker, fresh.current.db, [mint.id]);
    const row = await getOperation(fresh.current.db, mint.id);
    expect(row.state).toBe('failed');
    expect(row.lastError?.code).toBe('POLICY_DENIED');
    expect(row.txHash).toBeNull();
  });

  it('does not sign an authorization whose investor lost KYC after the request', async () => {
    const f = await deployedFund(fresh.current, harness);
    await fresh.current.db.update(schema.funds).set({ policy: policyToJson({ ...DEFAULT_POLICY, kycRequired: true }) }).where(eq(schema.funds.id, f.fundId));
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
