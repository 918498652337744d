import { expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { DEFAULT_POLICY, newId, policyToJson, type ChainId } from '@fiscus/core';
import { schema } from '@fiscus/ledger';
import { describeEachBackend, useFreshDatabase } from '@fiscus/ledger/testing';
import { checkCompliance, investorPosition } from '../src/index.ts';
import { requestMint } from '../src/testing/index.ts';

const chain: ChainId = 'memory:compliance';

/** Limits count mints still in flight, so concurrent subscriptions cannot overshoot them. */
describeEachBackend('compliance across wallets, chains and mints in flight', (backend) => {
  const fresh = useFreshDatabase(backend);

  async function fundWith(policy: object) {
    const fundId = newId('fund');
    await fresh.current.db
      .insert(schema.funds)
      .values({ id: fundId, name: 'F', symbol: 'F', decimals: 0, policy: policyToJson({ ...DEFAULT_POLICY, kycRequired: false, ...policy }) });
    return fundId;
  }
  async function investorWithWallets(fundId: string, units: bigint[]) {
    const investorId = newId('inv');
    await fresh.current.db
      .insert(schema.investors)
      .values({ id: investorId, legalName: 'I', jurisdiction: 'FR', jurisdictionNumeric: 250, investorType: 'institutional', kycStatus: 'verified' });
    const walletIds: string[] = [];
    for (const [i, u] of units.entries()) {
      const walletId = newId('wal');
      await fresh.current.db
        .insert(schema.wallets)
        .values({ id: walletId, investorId, chain: i === 0 ? chain : 'memory:other', address: `0x${walletId.slice(-40).padStart(40, '0')}` });
      await fresh.current.db.insert(schema.fundWallets).values({ fundId, walletId, status: 'authorized', units: u });
      walletIds.push(walletId);
    }
    return { investorId, walletIds };
  }

  it('sums an investor across two chains for max holding', async () => {
    const fundId = await fundWith({ maxHolding: 100n });
    const a = await investorWithWallets(fundId, [60n, 30n]);
    await expect(checkCompliance(fresh.current.db, { fundId, investorId: a.investorId, action: 'subscribe', units: 10n })).resolves.toBeUndefined();
    await expect(checkCompliance(fresh.current.db, { fundId, investorId: a.investorId, action: 'subscribe', units: 11n })).rejects.toMatchObject({
      code: 'POLICY_DENIED',
      meta: { rule: 'max_holding' },
    });
  });

  it('counts a mint in flight against max holding, but not the operation being re-checked', async () => {
    const fundId = await fundWith({ maxHolding: 100n });
    const a = await investorWithWallets(fundId, [50n]);
    const mint = await requestMint(fresh.current.db, {
      fundId,
      chain,
      to: '0x0000000000000000000000000000000000000001',
      units: 40n,
      walletId: a.walletIds[0]!,
      investorId: a.investorId,
    });
    await expect(checkCompliance(fresh.current.db, { fundId, investorId: a.investorId, action: 'subscribe', units: 20n })).rejects.toMatchObject({
      meta: { rule: 'max_holding' },
    });
    await expect(
      checkCompliance(fresh.current.db, { fundId, investorId: a.investorId, action: 'subscribe', units: 40n, excludeOperationId: mint.id }),
    ).resolves.toBeUndefined();
  });

  it('gives the last holder slot to the first subscription in flight', async () => {
    const fundId = await fundWith({ maxHolders: 2 });
    const holder = await investorWithWallets(fundId, [5n, 5n]); // one investor on two chains: one holder
    const first = await investorWithWallets(fundId, [0n]);
    const second = await investorWithWallets(fundId, [0n]);
    await requestMint(fresh.current.db, {
      fundId,
      chain,
      to: '0x0000000000000000000000000000000000000002',
      units: 1n,
      walletId: first.walletIds[0]!,
      investorId: first.investorId,
    });
    await expect(checkCompliance(fresh.current.db, { fundId, investorId: second.investorId, action: 'subscribe', units: 1n })).rejects.toMatchObject({
      meta: { rule: 'max_holders' },
    });
    // Existing holders may still add to their position.
    await expect(checkCompliance(fresh.current.db, { fundId, investorId: holder.investorId, action: 'subscribe', units: 1n })).resolves.toBeUndefined();
    // Once the in-flight mint fails, the slot is free again.
    await fresh.current.db.update(schema.operations).set({ state: 'failed' }).where(eq(schema.operations.fundId, fundId));
    await expect(checkCompliance(fresh.current.db, { fundId, investorId: second.investorId, action: 'subscribe', units: 1n })).resolves.toBeUndefined();
  });

  it('counts the holders only for a policy with a holder cap', async () => {
    const fundId = await fundWith({});
    const holder = await investorWithWallets(fundId, [5n]);
    await investorWithWallets(fundId, [7n]);
    const counted = await investorPosition(fresh.current.db, { fundId, investorId: holder.investorId });
    expect(counted).toMatchObject({ holding: 5n, holderCount: 2 });
    // Without a cap the policy never reads the count: it is not computed (a read of every holder).
    const uncounted = await investorPosition(fresh.current.db, { fundId, investorId: holder.investorId, countHolders: false });
    expect(uncounted).toMatchObject({ holding: 5n, holderCount: 0 });
  });
});
