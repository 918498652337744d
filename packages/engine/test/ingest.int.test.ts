import { afterAll, beforeAll, expect, it } from 'vitest';
import { and, eq, isNull } from 'drizzle-orm';
import { DriverRegistry, type ChainDriver, type ChainEvent } from '@fiscus/core';
import { canonicalMemAddress } from '@fiscus/devnet';
import { accountBalance, checkSupplyInvariant, ISSUANCE, schema, supplyAccount, type Db } from '@fiscus/ledger';
import { describeEachBackend, useFreshDatabase } from '@fiscus/ledger/testing';
import { startMemchainHarness, type MemchainHarness } from './support/memchain.ts';
import { deployedFund, deploymentOf, getOperation, requestMint, seedWallet, settle, testWorker, until } from '../src/testing/index.ts';
import { ingestEvents } from '../src/index.ts';

const position = async (db: Db, fundId: string, walletId: string) => {
  const [row] = await db
    .select({ units: schema.fundWallets.units })
    .from(schema.fundWallets)
    .where(and(eq(schema.fundWallets.fundId, fundId), eq(schema.fundWallets.walletId, walletId)));
  return row?.units;
};

/** The harness driver with events() replaced: a fixed list, cursor = how many were read. */
function withEvents(base: ChainDriver, events: ChainEvent[]): ChainDriver {
  const fake = async (_d: unknown, cursor?: string) => {
    const from = cursor === undefined ? 0 : Number(cursor);
    const items = events.slice(from, from + 2);
    return items.length > 0 ? { items, next: String(from + items.length) } : { items };
  };
  return new Proxy(base, {
    get(t, k) {
      if (k === 'events') return fake;
      const v = Reflect.get(t, k, t) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(t) : v;
    },
  });
}

describeEachBackend('on-chain event ingestion', (backend) => {
  let harness: MemchainHarness;
  const fresh = useFreshDatabase(backend);

  beforeAll(async () => {
    harness = await startMemchainHarness();
  });
  afterAll(() => harness.close());

  async function fundWithTwoHolders() {
    const db = fresh.current.db;
    const f = await deployedFund(fresh.current, harness);
    const bAddress = harness.newAddress();
    const b = await seedWallet(db, { fundId: f.fundId, chain: harness.chain, address: bAddress });
    await settle(f.worker, db, [b.authorize.id]);
    const mint = await requestMint(db, { ...f, chain: harness.chain, to: f.address, units: 100n });
    await settle(f.worker, db, [mint.id]);
    const deployment = await deploymentOf(db, f.deploymentId);
    return { f, b: { ...b, address: bAddress }, mint, deployment };
  }

  it("moves positions for an investor's own transfer exactly once, and ignores our own mint", async () => {
    const db = fresh.current.db;
    const { f, b, deployment } = await fundWithTwoHolders();
    await harness.server.holderTransfer(canonicalMemAddress(f.address), canonicalMemAddress(b.address), 30n, deployment.details.token!);
    const drivers = new DriverRegistry().register(harness.driver);

    // Two ingesters racing on one deployment: the cursor compare-and-set lets one apply the page.
    const race = await Promise.all([1, 2].map(() => ingestEvents(db, drivers, { deploymentId: f.deploymentId })));
    expect(race.reduce((n, r) => n + r.transfers, 0)).toBe(1);
    const first = race.find((r) => r.transfers === 1)!;
    expect(first.own).toBeGreaterThanOrEqual(1);
    expect(first.redemptions).toBe(0);
    const second = await ingestEvents(db, drivers, { deploymentId: f.deploymentId });
    expect(second.events).toBe(0);
    expect(second.cursor).toBe(first.cursor);

    expect(await position(db, f.fundId, f.walletId)).toBe(70n);
    expect(await position(db, f.fundId, b.walletId)).toBe(30n);
    // The mint was posted by the engine once; ingestion posted nothing more.
    const entries = await db.select().from(schema.journalEntries).where(eq(schema.journalEntries.fundId, f.fundId));
    expect(entries).toHaveLength(1);
    expect(await accountBalance(db, { fundId: f.fundId, code: supplyAccount(harness.chain), commodity: 'units' })).toBe(100n);
    const [cursor] = await db.select().from(schema.chainCursors).where(eq(schema.chainCursors.deploymentId, f.deploymentId));
    expect(cursor?.cursor).toBe(first.cursor);

    // A later transfer is picked up from the persisted cursor, and only it.
    await harness.server.holderTransfer(canonicalMemAddress(b.address), canonicalMemAddress(f.address), 5n, deployment.details.token!);
    const third = await ingestEvents(db, drivers, { deploymentId: f.deploymentId });
    expect(third.transfers).toBe(1);
    expect(await position(db, f.fundId, f.walletId)).toBe(75n);
    expect(await position(db, f.fundId, b.walletId)).toBe(25n);
  });

  it("a mint whose landed transaction is a fee-replaced operation's EARLIER candidate is ours, not a foreign mint", async () => {
    const db = fresh.current.db;
    const { f, mint } = await fundWithTwoHolders();
    // As a worker leaves it between replacing the fee and seeing the receipt: the row names the
    // replacement, and the transaction that landed is among its superseded candidates.
    const landed = (await getOperation(db, mint.id)).txHash!;
    await db
      .update(schema.operations)
      .set({ txHash: '0xreplacement', supersededTxs: [{ hash: landed, raw: '0x' }] })
      .where(eq(schema.operations.id, mint.id));
    const drivers = new DriverRegistry().register(harness.driver);
    const r = await ingestEvents(db, drivers, { deploymentId: f.deploymentId });
    expect(r.own).toBeGreaterThanOrEqual(1);
    expect(await db.select().from(schema.unmatchedChainEvents).where(eq(schema.unmatchedChainEvents.fundId, f.fundId))).toEqual([]);
  });

  it('the worker ingests on its own every ingestMs', async () => {
    const db = fresh.current.db;
    const { f, b, deployment } = await fundWithTwoHolders();
    await harness.server.holderTransfer(canonicalMemAddress(f.address), canonicalMemAddress(b.address), 12n, deployment.details.token!);
    const worker = testWorker(db, harness.driver, { ingestMs: 20 });
    worker.start();
    try {
      // Wallet addresses are stored lower-case here; memchain reports checksummed ones.
      await until(undefined, async () => (await position(db, f.fundId, b.walletId)) === 12n);
    } finally {
      await worker.stop();
    }
    expect(await position(db, f.fundId, f.walletId)).toBe(88n);
  });

  it('records a holder burn as an on-chain redemption exactly once', async () => {
    const db = fresh.current.db;
    const { f, mint } = await fundWithTwoHolders();
    const mintRow = await getOperation(db, mint.id);
    const burnHash = 'ab'.repeat(32);
    const events: ChainEvent[] = [
      { kind: 'transfer', from: null, to: f.address.toUpperCase().replace('0X', '0x'), units: 100n, txHash: mintRow.txHash!, block: 5n, index: 0 },
      { kind: 'authorization', address: f.address, authorized: true, txHash: 'cd'.repeat(32), block: 6n, index: 0 },
      { kind: 'transfer', from: f.address, to: null, units: 40n, txHash: burnHash, block: 7n, index: 0 },
    ];
    const drivers = new DriverRegistry().register(withEvents(harness.driver, events));

    const first = await ingestEvents(db, drivers, { deploymentId: f.deploymentId });
    expect(first).toMatchObject({ pages: 2, events: 3, redemptions: 1, own: 1, transfers: 0 });
    expect(await ingestEvents(db, drivers, { deploymentId: f.deploymentId })).toMatchObject({ events: 0, redemptions: 0 });
    // A crash before the cursor moved would re-read every page: still applied once.
    await db.update(schema.chainCursors).set({ cursor: null }).where(eq(schema.chainCursors.deploymentId, f.deploymentId));
    expect(await ingestEvents(db, drivers, { deploymentId: f.deploymentId })).toMatchObject({ events: 3, redemptions: 0, own: 1 });

    const reds = await db.select().from(schema.redemptions).where(eq(schema.redemptions.fundId, f.fundId));
    expect(reds).toHaveLength(1);
    expect(reds[0]).toMatchObject({
      investorId: f.investorId,
      walletId: f.walletId,
      chain: harness.chain,
      units: 40n,
      source: 'onchain',
      txHash: burnHash,
      status: 'pending_payout',
    });
    const entries = await db
      .select()
      .from(schema.journalEntries)
      .where(and(eq(schema.journalEntries.fundId, f.fundId), isNull(schema.journalEntries.operationId)));
    expect(entries).toHaveLength(1);
    expect(entries[0]?.memo).toBe('on-chain redemption');
    expect(entries[0]?.meta).toMatchObject({ txHash: burnHash, chain: harness.chain });
    expect(await db.select().from(schema.journalEntries).where(eq(schema.journalEntries.fundId, f.fundId))).toHaveLength(2);

    expect(await accountBalance(db, { fundId: f.fundId, code: supplyAccount(harness.chain), commodity: 'units' })).toBe(60n);
    expect(await accountBalance(db, { fundId: f.fundId, code: ISSUANCE, commodity: 'units' })).toBe(-60n);
    expect((await checkSupplyInvariant(db, f.fundId)).ok).toBe(true);
    expect(await position(db, f.fundId, f.walletId)).toBe(60n);
  });

  it('records nothing for a transfer to an unknown address', async () => {
    const db = fresh.current.db;
    const { f } = await fundWithTwoHolders();
    const stranger = harness.newAddress();
    const events: ChainEvent[] = [{ kind: 'transfer', from: f.address, to: stranger, units: 10n, txHash: 'ef'.repeat(32), block: 9n, index: 0 }];
    const warnings: string[] = [];
    const logger = { info() {}, warn: (_o: object, m?: string) => void warnings.push(m ?? ''), error() {} };
    const r = await ingestEvents(db, new DriverRegistry().register(withEvents(harness.driver, events)), { deploymentId: f.deploymentId, logger });
    expect(r).toMatchObject({ events: 1, ignored: 1, transfers: 0 });
    expect(warnings.some((w) => w.includes('unknown address'))).toBe(true);
    expect(await position(db, f.fundId, f.walletId)).toBe(100n);
  });
});
