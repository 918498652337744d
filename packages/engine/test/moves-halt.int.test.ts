import { afterAll, beforeAll, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { postEntry, schema } from '@fiscus/ledger';
import { describeEachBackend, useFreshDatabase } from '@fiscus/ledger/testing';
import { clearHalt, listHalts, requestMove, requestOperation } from '../src/index.ts';
import { getOperation, settle, until } from '../src/testing/index.ts';
import { books, mintOn, seedMoveFund, startChains, twoChainWorker, type TestChain } from './support/two-chains.ts';

describeEachBackend('supply invariant breach halts the fund', (backend) => {
  const database = useFreshDatabase(backend);
  let chains: TestChain[];
  beforeAll(async () => {
    chains = await startChains(['gamma', 'delta']);
  });
  afterAll(() => Promise.all(chains.map((c) => c.server.close())));

  it('a hand-written balanced entry that takes units out of supply is caught at the next posting: halt, audit, alert; mints and moves wait', async () => {
    const db = database.current.db;
    const alerts: object[] = [];
    const logger = { info() {}, warn() {}, error: (o: object, msg?: string) => void alerts.push({ ...o, msg }) };
    const worker = twoChainWorker(
      db,
      chains.map((c) => c.driver),
      { logger },
    );
    const [a, b] = chains.map((c) => c.chain) as [string, string];
    const f = await seedMoveFund(db, worker, chains);
    await mintOn(db, worker, f, a, 100_000n);

    // The triggers only demand balanced, append-only entries: this one balances (units move from
    // supply:<a> to a suspense account) and is accepted — exactly the class of bug Invariant S2 (docs/architecture.md) exists for.
    await db.transaction(async (tx) => {
      await tx.execute(sql`insert into ledger_accounts (fund_id, code, commodity) values (${f.fundId}, 'suspense', 'units')`);
      await tx.execute(sql`
        with e as (insert into journal_entries (fund_id, memo) values (${f.fundId}, 'manual correction') returning id)
        insert into postings (entry_id, account_id, commodity, amount)
        select e.id, a.id, 'units', case when a.code = 'suspense' then 5000 else -5000 end
        from e, ledger_accounts a
        where a.fund_id = ${f.fundId} and a.commodity = 'units' and a.code in ('suspense', ${`supply:${a}`})`);
    });
    expect((await books(db, f, chains)).invariant.ok).toBe(false);
    expect(await listHalts(db, f.fundId)).toHaveLength(0);

    // The next posting of the fund (an ordinary mint) reveals it.
    await mintOn(db, worker, f, a, 1_000n);
    const [halt] = await listHalts(db, f.fundId);
    expect(halt).toMatchObject({ reason: 'supply invariant breached', clearedAt: null, detail: { difference: '-5000' } });
    expect(alerts).toEqual([expect.objectContaining({ fundId: f.fundId, msg: expect.stringContaining('ALERT supply invariant breached') })]);
    const audit = await db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.action, 'fund.halted'), eq(schema.auditLog.subject, f.fundId)));
    expect(audit).toHaveLength(1);

    // Moves are refused, mints wait unsigned (not failed), burns still go through.
    await expect(
      requestMove(db, {
        fundId: f.fundId,
        from: { chain: a, wallet: f.wallets[a]!.address },
        to: { chain: b, wallet: f.wallets[b]!.address },
        units: 10n,
        requestedBy: 't',
      }),
    ).rejects.toMatchObject({ code: 'FUND_HALTED' });
    const w = f.wallets[a]!;
    const mint = await requestOperation(db, {
      fundId: f.fundId,
      chain: a as never,
      body: { kind: 'mint', to: w.address, units: 7n },
      context: { walletId: w.walletId, investorId: f.investorId },
      requestedBy: 't',
    });
    await until(worker, async () => (await getOperation(db, mint.id)).lastError?.code === 'FUND_HALTED');
    expect((await getOperation(db, mint.id)).state).toBe('approved');
    const burn = await requestOperation(db, {
      fundId: f.fundId,
      chain: a as never,
      body: { kind: 'burn', from: w.address, units: 1n },
      context: { walletId: w.walletId, investorId: f.investorId },
      requestedBy: 't',
    });
    await settle(worker, db, [burn.id]);
    expect((await getOperation(db, burn.id)).state).toBe('posted');
    // A second breach-revealing posting does not open a second halt.
    expect(await listHalts(db, f.fundId)).toHaveLength(1);

    // An operator reverses the bad entry and clears the halt: the waiting mint is signed, and its
    // posting finds the books whole again (no new halt).
    await postEntry(db, {
      fundId: f.fundId,
      memo: 'reverse manual correction',
      postings: [
        { account: 'suspense', commodity: 'units', amount: -5000n },
        { account: `supply:${a}`, commodity: 'units', amount: 5000n },
      ],
    });
    await clearHalt(db, { fundId: f.fundId, actor: 'ops' });
    await settle(worker, db, [mint.id]);
    expect((await getOperation(db, mint.id)).state).toBe('posted');
    expect((await listHalts(db, f.fundId)).map((h) => h.clearedBy)).toEqual(['ops']);
    const end = await books(db, f, chains);
    expect(end.invariant.ok).toBe(true);
    expect(end.perChain[a]).toEqual({ ledger: 101_006n, chain: 101_006n, wallet: 101_006n });
  });
});
