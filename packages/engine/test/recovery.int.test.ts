import { afterAll, beforeAll, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { newId } from '@fiscus/core';
import { accountBalance, schema, supplyAccount } from '@fiscus/ledger';
import { describeEachBackend, useFreshDatabase } from '@fiscus/ledger/testing';
import { requestOperation } from '../src/index.ts';
import { deployedFund, deploymentOf, getOperation, requestMint, seedWallet, settle } from '../src/testing/index.ts';
import { startMemchainHarness, type MemchainHarness } from './support/memchain.ts';

/** recover: lost wallet → new wallet of the same investor, on chain and in the cap table. */
describeEachBackend('wallet recovery on memchain', (backend) => {
  let harness: MemchainHarness;
  const fresh = useFreshDatabase(backend);
  beforeAll(async () => {
    harness = await startMemchainHarness();
  });
  afterAll(() => harness.close());

  async function fundWithHolder() {
    const db = fresh.current.db;
    const f = await deployedFund(fresh.current, harness);
    const mint = await requestMint(db, { ...f, chain: harness.chain, to: f.address, units: 500n });
    await settle(f.worker, db, [mint.id]);
    const freeze = await requestOperation(db, {
      fundId: f.fundId,
      chain: harness.chain,
      body: { kind: 'freeze', address: f.address, units: 20n },
      context: { walletId: f.walletId },
      requestedBy: 'test',
    });
    await settle(f.worker, db, [freeze.id]);
    return f;
  }
  const position = async (fundId: string, walletId: string) =>
    (
      await fresh.current.db
        .select()
        .from(schema.fundWallets)
        .where(and(eq(schema.fundWallets.fundId, fundId), eq(schema.fundWallets.walletId, walletId)))
    )[0];

  it('moves balance, frozen units and standing to the new wallet; supply is unchanged', async () => {
    const db = fresh.current.db;
    const f = await fundWithHolder();
    const newAddress = harness.newAddress();
    const newWalletId = newId('wal');
    await db.insert(schema.wallets).values({ id: newWalletId, investorId: f.investorId, chain: harness.chain, address: newAddress });
    const op = await requestOperation(db, {
      fundId: f.fundId,
      chain: harness.chain,
      body: { kind: 'recover', from: f.address, to: newAddress, units: 500n },
      context: { fromWalletId: f.walletId, toWalletId: newWalletId, investorId: f.investorId },
      requestedBy: 'test',
    });
    // The new wallet is not authorized beforehand: the recovery registers it (as T-REX does).
    await settle(f.worker, db, [op.id]);
    expect((await getOperation(db, op.id)).state).toBe('posted');

    const d = await deploymentOf(db, f.deploymentId);
    expect(await harness.driver.balanceOf(d, newAddress)).toBe(500n);
    expect(await harness.driver.balanceOf(d, f.address)).toBe(0n);
    expect(await harness.driver.isAuthorized(d, f.address)).toBe(false);
    expect(await harness.driver.isAuthorized(d, newAddress)).toBe(true);
    expect(await harness.driver.totalSupply(d)).toBe(500n);
    expect(await accountBalance(db, { fundId: f.fundId, code: supplyAccount(harness.chain), commodity: 'units' })).toBe(500n);
    expect(await position(f.fundId, f.walletId)).toMatchObject({ status: 'recovered', units: 0n, frozenUnits: 0n });
    expect(await position(f.fundId, newWalletId)).toMatchObject({ status: 'authorized', units: 500n, frozenUnits: 20n });
  });

  it('refuses before signing when the new wallet belongs to another investor', async () => {
    const db = fresh.current.db;
    const f = await fundWithHolder();
    const other = await seedWallet(db, { fundId: f.fundId, chain: harness.chain, address: harness.newAddress() });
    await settle(f.worker, db, [other.authorize.id]);
    const [otherWallet] = await db.select().from(schema.wallets).where(eq(schema.wallets.id, other.walletId));
    const op = await requestOperation(db, {
      fundId: f.fundId,
      chain: harness.chain,
      body: { kind: 'recover', from: f.address, to: otherWallet!.address, units: 500n },
      context: { fromWalletId: f.walletId, toWalletId: other.walletId },
      requestedBy: 'test',
    });
    await settle(f.worker, db, [op.id]);
    const row = await getOperation(db, op.id);
    expect(row.state).toBe('failed');
    expect(row.txHash).toBeNull(); // never signed
    expect(row.lastError).toMatchObject({ code: 'VALIDATION_FAILED' });
    const d = await deploymentOf(db, f.deploymentId);
    expect(await harness.driver.balanceOf(d, f.address)).toBe(500n);
  });
});
