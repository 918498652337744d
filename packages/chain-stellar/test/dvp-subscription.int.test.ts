import { afterAll, beforeAll, expect, it } from 'vitest';
import { and, eq, like } from 'drizzle-orm';
import { Account, Asset, Operation, TransactionBuilder, type Transaction } from '@stellar/stellar-sdk';
import { DriverRegistry, type Deployment } from '@fiscus/core';
import { accountBalance, schema, stablecoinAccount, supplyAccount, type Db } from '@fiscus/ledger';
import { describeEachBackend, useFreshDatabase } from '@fiscus/ledger/testing';
import { enableSettlementChain, getDvpQuote, ingestEvents, recordDvpQuote } from '@fiscus/engine';
import { deployedFund, deploymentOf } from '@fiscus/engine/testing';
import type { StellarDriver } from '../src/index.ts';
import { startUsdcHarness, type UsdcHarness } from './support/usdc-harness.ts';

describeEachBackend('Stellar delivery-versus-payment subscription (local USDC)', (backend) => {
  const fresh = useFreshDatabase(backend);
  let h: UsdcHarness;
  beforeAll(async () => {
    h = await startUsdcHarness();
  });
  afterAll(() => h.close());

  const stellar = () => h.driver as unknown as StellarDriver;
  const signAndSubmit = async (xdr: string, investor: string) => {
    const tx = TransactionBuilder.fromXDR(xdr, h.net.horizon.ledger.passphrase) as Transaction;
    tx.sign(h.net.investors.get(investor)!);
    return h.net.horizon.ledger.submit(tx.toEnvelope().toXdr('base64'));
  };
  /** The platform's DvP quote for `units` against `stroops` of USDC, valid `validForMs` from now (negative: expired). */
  const quoteFor = (f: { deployment: Deployment; address: string }, units: bigint, stroops: bigint, validForMs = 60_000) =>
    stellar().dvpSubscription(f.deployment, { investor: f.address, units, stroops, validUntil: new Date(Date.now() + validForMs) });
  const codes = (answer: { body?: unknown }) => (answer.body as { extras?: { result_codes?: unknown } } | undefined)?.extras?.result_codes;

  async function setUp(db: Db) {
    const f = await deployedFund(fresh.current, h);
    const deployment = await deploymentOf(db, f.deploymentId);
    await enableSettlementChain(db, { fundId: f.fundId, chain: h.chain, treasuryAddress: stellar().treasuryAddress(deployment), by: 'test' });
    await h.enablePayee!(deployment, f.address);
    return { ...f, deployment };
  }

  it('one transaction pays USDC and delivers the units; ingest books cash, supply and position once', async () => {
    const db = fresh.current.db;
    const f = await setUp(db);
    await h.usdc.pay(f.address, 50_000_000n); // 5 USDC
    const quote = await quoteFor(f, 2_000_000n, 21_000_000n);
    const answer = await signAndSubmit(quote.xdr, f.address);
    expect(answer.status, JSON.stringify(codes(answer))).toBe(200);
    expect(await h.driver.balanceOf(f.deployment, f.address)).toBe(2_000_000n);
    expect(await h.usdc.balance(f.address)).toBe(29_000_000n);
    expect(await h.usdc.balance(stellar().treasuryAddress(f.deployment))).toBe(21_000_000n);

    const drivers = new DriverRegistry().register(h.driver);
    await ingestEvents(db, drivers, { deploymentId: f.deploymentId });
    // Read again from the start: nothing is booked twice.
    await db.update(schema.chainCursors).set({ cursor: null }).where(eq(schema.chainCursors.deploymentId, f.deploymentId));
    await ingestEvents(db, drivers, { deploymentId: f.deploymentId });
    const subs = await db
      .select()
      .from(schema.subscriptions)
      .where(and(eq(schema.subscriptions.fundId, f.fundId), like(schema.subscriptions.operationId, `chain-event:%${quote.hash}%`)));
    expect(subs).toHaveLength(1);
    expect(subs[0]).toMatchObject({ units: 2_000_000n, usdIn: 2_100_000n, walletId: f.walletId });
    const book = (code: string, commodity: 'usd' | 'units') => accountBalance(db, { fundId: f.fundId, code, commodity });
    expect(await book(stablecoinAccount(h.chain), 'usd')).toBe(2_100_000n);
    expect(await book(supplyAccount(h.chain), 'units')).toBe(2_000_000n);
    const [position] = await db.select().from(schema.fundWallets).where(eq(schema.fundWallets.walletId, f.walletId));
    expect(position!.units).toBe(2_000_000n);
    expect(await h.driver.totalSupply(f.deployment)).toBe(2_000_000n);
  });

  it('an investor with only USDC sends the signed quote through the fee-bump route: the fee account pays the fee, both legs land', async () => {
    const db = fresh.current.db;
    const f = await setUp(db);
    await h.usdc.pay(f.address, 30_000_000n);
    const quote = await quoteFor(f, 1_000_000n, 10_500_000n);
    const signed = TransactionBuilder.fromXDR(quote.xdr, h.net.horizon.ledger.passphrase) as Transaction;
    signed.sign(h.net.investors.get(f.address)!);
    // The quote as the API records it: it names the inner transaction's hash.
    const row = await recordDvpQuote(db, {
      ...{ fundId: f.fundId, chain: h.chain, investorId: f.investorId, walletId: f.walletId, address: f.address },
      ...{ units: 1_000_000n, usd: 1_050_000n, nav: { value: 105n, scale: 2 }, txHash: quote.hash, expiresAt: quote.validUntil, by: 'test' },
    });
    const bumped = await stellar().feeBump(f.deployment, signed.toEnvelope().toXdr('base64'));
    expect(bumped.innerHash).toBe(quote.hash);
    expect(bumped.hash).not.toBe(quote.hash);
    expect(bumped.feeAccount).not.toBe(f.address);
    expect(await h.driver.balanceOf(f.deployment, f.address)).toBe(1_000_000n);
    expect(await h.usdc.balance(f.address)).toBe(19_500_000n);
    // The ledger knows the transaction by the fee bump's hash; the quote is settled all the same.
    await ingestEvents(db, new DriverRegistry().register(h.driver), { deploymentId: f.deploymentId });
    expect(await accountBalance(db, { fundId: f.fundId, code: supplyAccount(h.chain), commodity: 'units' })).toBe(1_000_000n);
    expect(await getDvpQuote(db, f.fundId, row.id)).toMatchObject({ status: 'settled' });

    // Without the payment leg the issuer's delivery is not a DvP: the fee account will not pay for it.
    const delivery = signed.operations[1] as { destination: string; amount: string; source?: string };
    const account = new Account(f.address, (h.net.horizon.ledger.nextSequence(f.address) - 1n).toString());
    const free = new TransactionBuilder(account, { fee: '200', networkPassphrase: h.net.horizon.ledger.passphrase })
      .addOperation(Operation.payment({ destination: delivery.destination, asset: h.net.asset(), amount: delivery.amount, source: delivery.source }))
      .setTimeout(60)
      .build();
    free.sign(h.net.investors.get(f.address)!);
    await expect(stellar().feeBump(f.deployment, free.toEnvelope().toXdr('base64'))).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      message: expect.stringMatching(/another source/),
    });
  });

  it('when the USDC leg fails (the investor cannot pay) no unit is delivered', async () => {
    const db = fresh.current.db;
    const f = await setUp(db);
    await h.usdc.pay(f.address, 1_000_000n); // 0.10 USDC, the quote asks 2.10
    const quote = await quoteFor(f, 2_000_000n, 21_000_000n);
    const answer = await signAndSubmit(quote.xdr, f.address);
    expect(answer.status).toBe(400);
    expect(codes(answer)).toMatchObject({ transaction: 'tx_failed', operations: ['op_underfunded', 'op_success'] });
    expect(await h.driver.balanceOf(f.deployment, f.address)).toBe(0n);
    expect(await h.usdc.balance(f.address)).toBe(1_000_000n);
    expect(await h.driver.totalSupply(f.deployment)).toBe(0n);
  });

  it('an expired quote and an altered one are refused by the ledger', async () => {
    const db = fresh.current.db;
    const f = await setUp(db);
    await h.usdc.pay(f.address, 50_000_000n);
    const expired = await quoteFor(f, 1_000_000n, 10_000_000n, -1_000);
    expect(codes(await signAndSubmit(expired.xdr, f.address))).toMatchObject({ transaction: 'tx_too_late' });

    // The investor pays less than quoted, keeping the platform's signature: it no longer matches.
    const quote = await quoteFor(f, 1_000_000n, 10_000_000n);
    const original = TransactionBuilder.fromXDR(quote.xdr, h.net.horizon.ledger.passphrase) as Transaction;
    const ops = original.operations;
    const account = new Account(f.address, (h.net.horizon.ledger.nextSequence(f.address) - 1n).toString());
    const b = new TransactionBuilder(account, { fee: original.fee, networkPassphrase: h.net.horizon.ledger.passphrase, timebounds: original.timeBounds! });
    b.addOperation(
      Operation.payment({
        destination: stellar().treasuryAddress(f.deployment),
        asset: new Asset(h.usdc.asset.code, h.usdc.asset.issuer),
        amount: '0.0000001',
      }),
    );
    const deliver = ops[1] as { destination: string; amount: string; source?: string };
    b.addOperation(Operation.payment({ destination: deliver.destination, asset: h.net.asset(), amount: deliver.amount, source: deliver.source }));
    const altered = b.build();
    for (const s of original.signatures) altered.signatures.push(s);
    const answer = await signAndSubmit(altered.toEnvelope().toXdr('base64'), f.address);
    // The issuer's operations are no longer signed by the issuer: refused (op_bad_auth), nothing applied.
    expect(JSON.stringify(codes(answer))).toMatch(/bad_auth/);
    expect(await h.driver.balanceOf(f.deployment, f.address)).toBe(0n);
  });
});
