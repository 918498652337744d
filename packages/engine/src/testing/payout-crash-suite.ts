import { afterAll, beforeAll, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { newId, stablecoinSettlementOf, type Deployment } from '@fiscus/core';
import { accountBalance, createDb, investorAccount, schema, stablecoinAccount } from '@fiscus/ledger';
import { describeEachBackend } from '@fiscus/ledger/testing';
import { enableSettlementChain, enqueueCashRedemption, recordCashMovement, recordLiquidityMove, settleRedemptions } from '../index.ts';
import type { EngineChainHarness } from './chain.ts';
import { deployedFund } from './fixture.ts';
import { deploymentOf, getOperation } from './seed.ts';
import { runWorkerChild } from './spawn.ts';

/** A chain whose driver pays stablecoin (capability `settlement`), with devnet hooks to fund it. */
export interface PayoutChainHarness extends EngineChainHarness {
  /** Puts `usd` micro-dollars of the chain's stablecoin in the deployment's treasury (devnet faucet). */
  fundTreasury(deployment: Deployment, usd: bigint): Promise<void>;
  /** Makes `address` able to receive the stablecoin (a Stellar trustline; nothing on EVM). */
  enablePayee?(deployment: Deployment, address: string): Promise<void>;
}

/**
 * A worker SIGKILLed right after a payout's transaction is signed, broadcast, or seen confirmed,
 * then a fresh worker: the investor is paid exactly once on chain and the books post it once.
 */
export function describePayoutCrashSafety(name: string, startHarness: () => Promise<PayoutChainHarness>): void {
  describeEachBackend(`payout crash safety on ${name}: worker killed with SIGKILL`, (backend) => {
    let harness: PayoutChainHarness;
    beforeAll(async () => {
      harness = await startHarness();
    });
    afterAll(() => harness.close());

    it.each(['prepared', 'submitted', 'confirmed'] as const)('after %s, one USDC payment on chain and one posting', async (point) => {
      const created = await backend.create();
      try {
        let database = await created.open();
        const db = database.db;
        const f = await deployedFund(database, harness);
        const deployment = await deploymentOf(db, f.deploymentId);
        const settlement = stablecoinSettlementOf(harness.driver);
        if (!settlement) throw new Error(`${name} declares no stablecoin settlement`);
        await enableSettlementChain(db, { fundId: f.fundId, chain: harness.chain, treasuryAddress: settlement.treasuryAddress(deployment), by: 'test' });
        await harness.fundTreasury(deployment, 5_000_000n);
        await harness.enablePayee?.(deployment, f.address);
        await recordCashMovement(db, {
          fundId: f.fundId,
          account: 'operating',
          direction: 'deposit',
          amount: 5_000_000n,
          reference: newId('wire'),
          by: 'test',
        });
        await recordLiquidityMove(db, {
          fundId: f.fundId,
          toChain: harness.chain,
          from: { cash: 'operating' },
          usd: 5_000_000n,
          reference: newId('mv'),
          by: 'test',
        });
        const before = await settlement.stablecoinBalance(deployment, f.address);
        const r = await db.transaction((tx) =>
          enqueueCashRedemption(tx, {
            fundId: f.fundId,
            chain: harness.chain,
            investorId: f.investorId,
            walletId: f.walletId,
            units: 1n,
            usd: 1_250_000n,
            txHash: newId('req'),
            eventIndex: 0,
            fromAddress: f.address,
          }),
        );
        await settleRedemptions(db, { fundId: f.fundId });
        const [payout] = await db.select().from(schema.redemptionPayouts).where(eq(schema.redemptionPayouts.redemptionId, r!.id));
        const opId = payout!.operationId!;
        await database.close();

        const crashed = await runWorkerChild({ db: created.options, harness, env: { CRASH_AFTER: point, CRASH_OP: opId } });
        expect(crashed.signal, crashed.output).toBe('SIGKILL');
        database = await createDb({ ...created.options, migrate: false });
        expect((await getOperation(database.db, opId)).state).toBe(point);
        await database.close();

        const resumed = await runWorkerChild({ db: created.options, harness, env: { UNTIL: 'idle' } });
        expect(resumed.code, resumed.output).toBe(0);

        database = await createDb({ ...created.options, migrate: false });
        expect((await getOperation(database.db, opId)).state).toBe('posted');
        const entries = await database.db.select().from(schema.journalEntries).where(eq(schema.journalEntries.operationId, opId));
        expect(entries).toHaveLength(1);
        const book = (code: string) => accountBalance(database.db, { fundId: f.fundId, code, commodity: 'usd' });
        expect(await book(stablecoinAccount(harness.chain))).toBe(3_750_000n);
        expect(await book(investorAccount(f.investorId))).toBe(0n);
        const paid = (await settlement.stablecoinBalance(deployment, f.address)) - before;
        const decimals = settlement.settlementAsset(deployment).decimals;
        expect(paid).toBe(1_250_000n * 10n ** BigInt(Math.max(0, decimals - 6)));
        await database.close();
      } finally {
        await created.drop();
      }
    });
  });
}
