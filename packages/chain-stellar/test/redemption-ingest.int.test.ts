import { Claimant, Operation, xdr } from '@stellar/stellar-sdk';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { DriverRegistry } from '@fiscus/core';
import { accountBalance, checkSupplyInvariant, schema, supplyAccount, type Db } from '@fiscus/ledger';
import { describeEachBackend, useFreshDatabase } from '@fiscus/ledger/testing';
import { ingestEvents, unmatchedSinceLastClean } from '@fiscus/engine';
import { deployedFund, deploymentOf, requestMint, settle } from '@fiscus/engine/testing';
import { publishNav } from '../../engine/test/support/dealing.ts';
import { fromDeployment } from '../src/index.ts';
import { startStellarHarness } from './support/engine-harness.ts';

const NAV = { value: 1_00000000n, scale: 8 };

/**
 * Ingest over the Stellar local ledger: every payment to the distribution account is its own
 * redemption, even several in one transaction (keyed by chain, tx hash and operation index); a
 * path payment is one too; a claimable balance claimed by the issuer is a holder burn.
 */
describeEachBackend('Stellar ingest: one redemption per operation, whatever carries it', (backend) => {
  const database = useFreshDatabase(backend);
  let stellar: Awaited<ReturnType<typeof startStellarHarness>>;
  beforeAll(async () => {
    stellar = await startStellarHarness();
  });
  afterAll(() => stellar.close());

  const position = async (db: Db, fundId: string, walletId: string) =>
    (
      await db
        .select({ units: schema.fundWallets.units })
        .from(schema.fundWallets)
        .where(and(eq(schema.fundWallets.fundId, fundId), eq(schema.fundWallets.walletId, walletId)))
    )[0]?.units;

  it('two payments to the distribution account in ONE transaction, then a path payment and a claim by the issuer: each booked once; the cap table equals the chain', async () => {
    const db = database.current.db;
    const f = await deployedFund(database.current, stellar);
    await publishNav(db, f.fundId, NAV);
    const mint = await requestMint(db, { ...f, chain: stellar.chain, to: f.address, units: 10_000_000n });
    await settle(f.worker, db, [mint.id]);
    const deployment = await deploymentOf(db, f.deploymentId);
    const { distribution, issuer } = fromDeployment(deployment);
    const net = stellar.net;
    const asset = net.asset();
    const drivers = new DriverRegistry().register(stellar.driver);
    await ingestEvents(db, drivers, { deploymentId: f.deploymentId });

    const twoInOne = await net.holderSubmit(f.address, [
      Operation.payment({ destination: distribution, asset, amount: net.amount(1_000_000n) }),
      Operation.payment({ destination: distribution, asset, amount: net.amount(2_000_000n) }),
    ]);
    await net.holderSubmit(f.address, [
      Operation.pathPaymentStrictSend({
        sendAsset: asset,
        sendAmount: net.amount(500_000n),
        destination: distribution,
        destAsset: asset,
        destMin: net.amount(500_000n),
        path: [],
      }),
    ]);
    const created = await net.holderSubmit(f.address, [
      Operation.createClaimableBalance({ asset, amount: net.amount(250_000n), claimants: [new Claimant(issuer)] }),
    ]);
    const result = xdr.TransactionResult.fromXdr(net.horizon.ledger.tx(created)!.resultXdr, 'base64').toXdrObject() as any;
    const balanceId = `00000000${Buffer.from(result.result.results[0].tr.createClaimableBalanceResult.balanceId.v0).toString('hex')}`;
    await net.submitAs(net.roleKey(f.fundId, 'issuer'), [Operation.claimClaimableBalance({ balanceId })]);

    await ingestEvents(db, drivers, { deploymentId: f.deploymentId });
    // A crash before the cursor moved re-reads everything: nothing is booked twice.
    await db.update(schema.chainCursors).set({ cursor: null }).where(eq(schema.chainCursors.deploymentId, f.deploymentId));
    await ingestEvents(db, drivers, { deploymentId: f.deploymentId });

    const reds = await db.select().from(schema.redemptions).where(eq(schema.redemptions.fundId, f.fundId));
    expect(
      reds
        .filter((r) => r.txHash === twoInOne)
        .map((r) => r.units)
        .sort(),
    ).toEqual([1_000_000n, 2_000_000n]);
    expect(reds.map((r) => [r.source, r.units]).sort()).toEqual([
      ['onchain', 250_000n],
      ['onchain_transfer', 1_000_000n],
      ['onchain_transfer', 2_000_000n],
      ['onchain_transfer', 500_000n],
    ]);
    // The claimable balance's creation is named among the unmatched events (units in limbo until claimed).
    const unmatched = await unmatchedSinceLastClean(db, { fundId: f.fundId, chain: stellar.chain });
    expect(unmatched).toEqual([
      expect.objectContaining({ kind: 'unbookable', txHash: created, units: '250000', reason: expect.stringMatching(/claimable balance created/) }),
    ]);

    const burns = await db
      .select()
      .from(schema.operations)
      .where(and(eq(schema.operations.fundId, f.fundId), eq(schema.operations.kind, 'burn')));
    expect(burns).toHaveLength(3);
    await settle(
      f.worker,
      db,
      burns.map((b) => b.id),
    );
    const held = 10_000_000n - 3_750_000n;
    expect(await position(db, f.fundId, f.walletId)).toBe(held);
    expect(await stellar.driver.balanceOf(deployment, f.address)).toBe(held);
    expect(await stellar.driver.balanceOf(deployment, distribution)).toBe(0n);
    expect(await stellar.driver.totalSupply(deployment)).toBe(held);
    expect(await accountBalance(db, { fundId: f.fundId, code: supplyAccount(stellar.chain), commodity: 'units' })).toBe(held);
    expect((await checkSupplyInvariant(db, f.fundId)).ok).toBe(true);
  });
});
