import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FiscusError } from '@fiscus/core';
import { createTestDb, describeEachBackend, type TestDbHandle } from '../testing.ts';
import { journalEntries, ledgerAccounts } from '../schema/index.ts';
import { rejection, seedFund } from '../../test/fixtures.ts';
import { ISSUANCE, TRANSIT, supplyAccount } from './accounts.ts';
import { accountBalance, balances, sumPostings } from './balances.ts';
import { postEntry, type Posting } from './post.ts';
import { checkSupplyInvariant, unitsOutstanding } from './supply.ts';

const u = (account: string, amount: bigint): Posting => ({ account, commodity: 'units', amount });
const usd = (account: string, amount: bigint): Posting => ({ account, commodity: 'usd', amount });

describeEachBackend('postEntry and balances', (backend) => {
  let h: TestDbHandle;
  beforeAll(async () => {
    h = await createTestDb(backend);
  });
  afterAll(() => h?.cleanup());

  it('posts a multi-commodity entry, creating accounts on first use', async () => {
    const fundId = await seedFund(h.db);
    const { entryId } = await postEntry(h.db, {
      fundId,
      memo: 'subscription',
      operationId: `op-${fundId}`,
      meta: { investor: 'i1' },
      postings: [u(ISSUANCE, -100n), u(supplyAccount('eip155:1'), 100n), usd('cash:bank', 250n), usd('investor:i1', -250n)],
    });
    expect(typeof entryId).toBe('bigint');
    expect(await accountBalance(h.db, { fundId, code: 'supply:eip155:1', commodity: 'units' })).toBe(100n);
    expect(await accountBalance(h.db, { fundId, code: 'cash:bank', commodity: 'usd' })).toBe(250n);
    expect(await accountBalance(h.db, { fundId, code: 'nope', commodity: 'usd' })).toBe(0n);
    expect(await balances(h.db, { fundId, commodity: 'usd' })).toEqual(
      new Map([
        ['cash:bank', 250n],
        ['investor:i1', -250n],
      ]),
    );
    expect(await balances(h.db, { fundId, commodity: 'units', prefix: 'supply:' })).toEqual(new Map([['supply:eip155:1', 100n]]));
    const [entry] = await h.db.select().from(journalEntries).where(eq(journalEntries.id, entryId));
    expect(entry).toMatchObject({ memo: 'subscription', meta: { investor: 'i1' } });
  });

  it('refuses unbalanced entries with UNBALANCED_POSTING and writes nothing', async () => {
    const fundId = await seedFund(h.db);
    for (const postings of [[u('a', 1n)], [u('a', 2n), u('b', -1n)], [u('a', 5n), usd('b', -5n)]]) {
      const e = await rejection(postEntry(h.db, { fundId, memo: 'bad', postings }));
      expect(e).toBeInstanceOf(FiscusError);
      expect((e as FiscusError).code).toBe('UNBALANCED_POSTING');
    }
    expect(await h.db.select().from(ledgerAccounts).where(eq(ledgerAccounts.fundId, fundId))).toEqual([]);
  });

  it('posts an operation at most once', async () => {
    const fundId = await seedFund(h.db);
    const p = { fundId, operationId: `once-${fundId}`, memo: 'm', postings: [u('a', 1n), u('b', -1n)] };
    await postEntry(h.db, p);
    expect(((await rejection(postEntry(h.db, p))) as FiscusError).code).toBe('CONFLICT');
    expect(await accountBalance(h.db, { fundId, code: 'a', commodity: 'units' })).toBe(1n);
  });

  it('nests inside a caller transaction: a failed post rolls back alone, the outer rollback undoes all', async () => {
    const fundId = await seedFund(h.db);
    await h.db.transaction(async (tx) => {
      await postEntry(tx, { fundId, operationId: `n1-${fundId}`, memo: 'one', postings: [u('a', 3n), u('b', -3n)] });
      expect(
        ((await rejection(postEntry(tx, { fundId, operationId: `n1-${fundId}`, memo: 'dup', postings: [u('a', 1n), u('b', -1n)] }))) as FiscusError).code,
      ).toBe('CONFLICT');
      await postEntry(tx, { fundId, memo: 'two', postings: [u('a', 4n), u('c', -4n)] });
    });
    expect(await accountBalance(h.db, { fundId, code: 'a', commodity: 'units' })).toBe(7n);
    const e = await rejection(
      h.db.transaction(async (tx) => {
        await postEntry(tx, { fundId, memo: 'three', postings: [u('a', 10n), u('b', -10n)] });
        throw new Error('saga step failed');
      }),
    );
    expect((e as Error).message).toBe('saga step failed');
    expect(await accountBalance(h.db, { fundId, code: 'a', commodity: 'units' })).toBe(7n);
  });

  it('keeps the supply invariant through mint, cross-chain move and redemption', async () => {
    const fundId = await seedFund(h.db);
    const [eth, xlm] = [supplyAccount('eip155:1'), supplyAccount('stellar:testnet')];
    const check = async (exp: { outstanding: bigint; supplies: Record<string, bigint>; transit: bigint }) =>
      expect(await checkSupplyInvariant(h.db, fundId)).toEqual({ ok: true, ...exp });
    await check({ outstanding: 0n, supplies: {}, transit: 0n });
    await postEntry(h.db, { fundId, memo: 'mint', postings: [u(ISSUANCE, -1_000n), u(xlm, 1_000n)] });
    await postEntry(h.db, { fundId, memo: 'burn on stellar', postings: [u(xlm, -400n), u(TRANSIT, 400n)] });
    await check({ outstanding: 1_000n, supplies: { 'stellar:testnet': 600n }, transit: 400n });
    await postEntry(h.db, { fundId, memo: 'mint on ethereum', postings: [u(TRANSIT, -400n), u(eth, 400n)] });
    await postEntry(h.db, { fundId, memo: 'redeem', postings: [u(eth, -100n), u(ISSUANCE, 100n)] });
    await check({ outstanding: 900n, supplies: { 'eip155:1': 300n, 'stellar:testnet': 600n }, transit: 0n });
    expect(await unitsOutstanding(h.db, fundId)).toBe(900n);
    // Units parked outside supply/transit (a posting bug) break the invariant and show where.
    await postEntry(h.db, { fundId, memo: 'bug', postings: [u(eth, -5n), u('investor:x', 5n)] });
    expect(await checkSupplyInvariant(h.db, fundId)).toMatchObject({ ok: false, outstanding: 900n, supplies: { 'eip155:1': 295n } });
  });

  it('concurrent entries over shared and new accounts neither deadlock nor lose a posting', async () => {
    const fundId = await seedFund(h.db);
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        postEntry(h.db, {
          fundId,
          memo: `p${i}`,
          postings: i % 2 ? [u('a', 1n), u('b', -1n), u(`n${i % 3}`, 0n)] : [u('b', 2n), u(`n${i % 3}`, 0n), u('a', -2n)],
        }),
      ),
    );
    expect(await balances(h.db, { fundId, commodity: 'units' })).toEqual(
      new Map([
        ['a', -10n],
        ['b', 10n],
        ['n0', 0n],
        ['n1', 0n],
        ['n2', 0n],
      ]),
    );
  });

  it('sumPostings agrees with the cached balance', async () => {
    const fundId = await seedFund(h.db);
    await postEntry(h.db, { fundId, memo: 'big', postings: [u('a', 2n ** 62n), u('b', -(2n ** 62n))] });
    await postEntry(h.db, { fundId, memo: 'more', postings: [u('a', 2n ** 62n - 1n), u('b', -(2n ** 62n - 1n))] });
    const [row] = await h.db
      .select()
      .from(ledgerAccounts)
      .where(and(eq(ledgerAccounts.fundId, fundId), eq(ledgerAccounts.code, 'a')));
    expect(row!.balance).toBe(2n ** 63n - 1n);
    expect(await sumPostings(h.db, row!.id)).toBe(2n ** 63n - 1n);
  });
});
