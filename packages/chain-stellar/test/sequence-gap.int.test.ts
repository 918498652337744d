import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ChainDriver, FundSpec, PreparedTx, SubmitResult } from '@fiscus/core';
import { deployedFund, getOperation, requestMint, seedWallet, until } from '@fiscus/engine/testing';
import { describeEachBackend, useFreshDatabase } from '@fiscus/ledger/testing';
import { schema, type Db } from '@fiscus/ledger';
import { fromDeployment } from '../src/index.ts';
import { LOCAL_CHAIN, LocalNetwork } from './support/local-network.ts';

/**
 * A sequence the engine allocated must always be consumed or released (issue: "a kept Stellar
 * sequence that is never used stalls the fund's issuer for ever"). An expired transaction is
 * rebuilt keeping its sequence; when the rebuild then fails before signing (here MINTS_BLOCKED,
 * set by the reconciler while it waited), the number used to stay with the failed operation:
 * every later transaction of the issuer was refused tx_bad_seq and waited on a gap for ever.
 */
describeEachBackend('sequences given up on the Stellar local ledger', (backend) => {
  const database = useFreshDatabase(backend);
  let net: LocalNetwork;
  let driver: ChainDriver;
  // While set, submissions never reach the ledger (a node that answers nothing): time bounds pass.
  let holding = false;

  beforeAll(async () => {
    net = await LocalNetwork.start();
    const inner = net.driver({ txTimeoutSec: 2 });
    driver = new Proxy(inner, {
      get(target, prop) {
        if (prop === 'deploy') {
          return async (fund: FundSpec) => (net.deployment = await target.deploy(fund));
        }
        if (prop === 'submit') {
          return (tx: PreparedTx): Promise<SubmitResult> =>
            holding ? Promise.resolve({ kind: 'retryLater', reason: 'held by the test', afterMs: 50 }) : target.submit(tx);
        }
        const v = Reflect.get(target, prop, target);
        return typeof v === 'function' ? v.bind(target) : v;
      },
    }) as ChainDriver;
  });
  afterAll(() => net?.close());

  const harness = () => ({ chain: LOCAL_CHAIN, driver, newAddress: () => net.newInvestor(), childDriverModule: '', childDriverEnv: {}, close: async () => {} });
  const stateOf = async (db: Db, id: string) => (await getOperation(db, id)).state;
  const blockMints = (db: Db, deploymentId: string) =>
    db.update(schema.deployments).set({ mintsBlocked: true, blockedReason: 'supply drift (test)' }).where(eq(schema.deployments.id, deploymentId));
  const expire = (op: { validUntil: Date | null }) => new Promise((r) => setTimeout(r, op.validUntil!.getTime() - Date.now() + 1_500));
  /** A fund whose mint is signed and held back from the ledger (submissions unanswered). */
  const heldMint = async (db: Db) => {
    const f = await deployedFund(database.current, harness());
    holding = true;
    const mint = await requestMint(db, { ...f, chain: LOCAL_CHAIN, to: f.address, units: 1_000n });
    await until(f.worker, async () => (await stateOf(db, mint.id)) === 'prepared');
    return { f, worker: f.worker, mint };
  };
  /** A second operation of the same issuer, signed with the next sequence while the first waits. */
  const nextOperation = async (db: Db, f: { fundId: string; worker: Parameters<typeof until>[0] }) => {
    const next = await seedWallet(db, { fundId: f.fundId, chain: LOCAL_CHAIN, address: net.newInvestor() });
    await until(f.worker, async () => (await stateOf(db, next.authorize.id)) === 'prepared');
    return next;
  };

  it('an operation behind a given-up sequence lands: a filler consumes the number', { timeout: 60_000 }, async () => {
    const db = database.current.db;
    const { f, worker, mint: m1 } = await heldMint(db);
    const second = await nextOperation(db, f);
    const first = await getOperation(db, m1.id);
    expect((await getOperation(db, second.authorize.id)).sequence).toBe(first.sequence! + 1n);

    await blockMints(db, f.deploymentId);
    await expire(await getOperation(db, second.authorize.id));
    holding = false;

    await until(worker, async () => (await stateOf(db, second.authorize.id)) === 'posted', 30_000);
    const failed = await getOperation(db, m1.id);
    expect(failed).toMatchObject({ state: 'failed', lastError: { code: 'MINTS_BLOCKED' }, sequence: null });
    const [filler] = await db
      .select()
      .from(schema.operations)
      .where(and(eq(schema.operations.kind, 'fillSequence'), eq(schema.operations.fundId, f.fundId)));
    expect(filler).toMatchObject({ state: 'posted', sequence: first.sequence, signer: first.signer, context: { fills: m1.id } });
    const authorized = (await getOperation(db, second.authorize.id)).body as { address: string };
    expect(await driver.isAuthorized(net.deployment!, authorized.address)).toBe(true);
    // The issuer's account consumed both numbers, and nothing was minted.
    expect(net.horizon.ledger.nextSequence(fromDeployment(net.deployment!).issuer)).toBe(first.sequence! + 2n);
    expect(await driver.totalSupply(net.deployment!)).toBe(0n);
  });

  it('the last number handed out is released to the allocator, with no filler', { timeout: 60_000 }, async () => {
    const db = database.current.db;
    const { f, worker, mint: m1 } = await heldMint(db);
    const s = (await getOperation(db, m1.id)).sequence!;
    await blockMints(db, f.deploymentId);
    await expire(await getOperation(db, m1.id));
    holding = false;
    await until(worker, async () => (await stateOf(db, m1.id)) === 'failed');

    const issuer = fromDeployment(net.deployment!).issuer;
    const [row] = await db.select().from(schema.signerSequences).where(eq(schema.signerSequences.signer, issuer));
    expect(row!.next).toBe(s);
    expect(
      await db
        .select()
        .from(schema.operations)
        .where(and(eq(schema.operations.kind, 'fillSequence'), eq(schema.operations.fundId, f.fundId))),
    ).toEqual([]);
    // The next operation of the issuer takes the released number and lands.
    const next = await seedWallet(db, { fundId: f.fundId, chain: LOCAL_CHAIN, address: net.newInvestor() });
    await until(worker, async () => (await stateOf(db, next.authorize.id)) === 'posted', 30_000);
    expect((await getOperation(db, next.authorize.id)).sequence).toBe(s);
  });

  it('a number no operation holds any more (lost before fillers existed) is filled when a successor waits on it', { timeout: 60_000 }, async () => {
    const db = database.current.db;
    const { f, worker, mint: m1 } = await heldMint(db);
    const next = await nextOperation(db, f);
    const lost = (await getOperation(db, m1.id)).sequence!;
    // What an older version left behind: failed before signing again, still naming its number.
    await db.update(schema.operations).set({ state: 'failed', txHash: null, rawTx: null }).where(eq(schema.operations.id, m1.id));
    holding = false;

    await until(worker, async () => (await stateOf(db, next.authorize.id)) === 'posted', 30_000);
    const [filler] = await db
      .select()
      .from(schema.operations)
      .where(and(eq(schema.operations.kind, 'fillSequence'), eq(schema.operations.fundId, f.fundId)));
    expect(filler).toMatchObject({ state: 'posted', sequence: lost, context: { fills: next.authorize.id } });
    expect(net.horizon.ledger.nextSequence(fromDeployment(net.deployment!).issuer)).toBe(lost + 2n);
  });
});
