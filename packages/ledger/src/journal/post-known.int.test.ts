import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDb, describeEachBackend, type TestDbHandle } from '../testing.ts';
import { journalEntries, ledgerAccounts, postings } from '../schema/index.ts';
import { seedFund } from '../../test/fixtures.ts';
import { accountBalance } from './balances.ts';
import { postEntry, type Posting } from './post.ts';
import { postToKnownAccounts } from './post-known.ts';

const u = (account: string, amount: bigint): Posting => ({ account, commodity: 'units', amount });
const keysOf = (list: Posting[]) => list.map((p) => ({ code: p.account, commodity: p.commodity }));

describeEachBackend('postToKnownAccounts', (backend) => {
  let h: TestDbHandle;
  beforeAll(async () => {
    h = await createTestDb(backend);
  });
  afterAll(() => h?.cleanup());

  const entriesOf = async (fundId: string) => h.db.select().from(journalEntries).where(eq(journalEntries.fundId, fundId));

  it('writes nothing while an account is missing', async () => {
    const fundId = await seedFund(h.db);
    await postEntry(h.db, { fundId, memo: 'opens a and b', postings: [u('a', 1n), u('b', -1n)] });
    const list = [u('a', 2n), u('new', -2n)];
    expect(await postToKnownAccounts(h.db, { fundId, operationId: `op-${fundId}`, memo: 'm', postings: list }, keysOf(list))).toEqual({
      kind: 'accountsMissing',
    });
    expect(await entriesOf(fundId)).toHaveLength(1);
    expect(await accountBalance(h.db, { fundId, code: 'a', commodity: 'units' })).toBe(1n);
  });

  it('posts to existing accounts in one statement, in account order, and once per operation', async () => {
    const fundId = await seedFund(h.db);
    await postEntry(h.db, { fundId, memo: 'opens c, b, a', postings: [u('c', 5n), u('b', 5n), u('a', -10n)] });
    const accountIds = new Map((await h.db.select().from(ledgerAccounts).where(eq(ledgerAccounts.fundId, fundId))).map((a) => [a.code, a.id]));
    const list = [u('c', -3n), u('a', 2n), u('b', 1n)];
    const p = { fundId, operationId: `op-${fundId}`, memo: 'known', meta: { n: 1 }, postings: list };
    const posted = await postToKnownAccounts(h.db, p, keysOf(list));
    if (posted.kind !== 'posted') throw new Error(`expected posted, got ${posted.kind}`);
    const rows = await h.db.select().from(postings).where(eq(postings.entryId, posted.entryId)).orderBy(asc(postings.id));
    // Inserted in account-id order: concurrent entries lock their accounts in one order.
    expect(rows.map((r) => r.accountId)).toEqual([...rows.map((r) => r.accountId)].sort((a, b) => (a < b ? -1 : 1)));
    expect(new Map(rows.map((r) => [r.accountId, r.amount]))).toEqual(
      new Map([
        [accountIds.get('a')!, 2n],
        [accountIds.get('b')!, 1n],
        [accountIds.get('c')!, -3n],
      ]),
    );
    expect((await entriesOf(fundId)).find((e) => e.id === posted.entryId)).toMatchObject({ operationId: p.operationId, memo: 'known', meta: { n: 1 } });
    expect(await accountBalance(h.db, { fundId, code: 'c', commodity: 'units' })).toBe(2n);
    expect(await postToKnownAccounts(h.db, p, keysOf(list))).toEqual({ kind: 'alreadyPosted' });
    expect(await entriesOf(fundId)).toHaveLength(2);
  });
});
