// The database refuses what breaks the ledger on its own, with postEntry out of the way.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FiscusError } from '@fiscus/core';
import { createTestDb, describeEachBackend, type TestDbHandle } from '../testing.ts';
import { journalEntries, ledgerAccounts, operationEvents, operations, postings } from '../schema/index.ts';
import type { Db } from '../db.ts';
import { dbMessage, rejection, seedFund } from '../../test/fixtures.ts';
import { ledgerRule, mapLedgerError } from './errors.ts';
import { postEntry } from './post.ts';

async function account(db: Db, fundId: string, code: string, commodity = 'units'): Promise<bigint> {
  const [row] = await db.insert(ledgerAccounts).values({ fundId, code, commodity }).returning({ id: ledgerAccounts.id });
  return row!.id;
}

/** A raw entry with the given (account, commodity, amount) postings, in one transaction. */
async function rawEntry(db: Db, fundId: string, rows: [bigint, string, bigint][]): Promise<bigint> {
  return db.transaction(async (tx) => {
    const [entry] = await tx.insert(journalEntries).values({ fundId, memo: 'raw' }).returning({ id: journalEntries.id });
    for (const [accountId, commodity, amount] of rows) await tx.insert(postings).values({ entryId: entry!.id, accountId, commodity, amount });
    return entry!.id;
  });
}

describeEachBackend('ledger guards', (backend) => {
  let h: TestDbHandle;
  let fundId: string;
  let a: bigint, b: bigint, usdA: bigint, usdB: bigint;
  beforeAll(async () => {
    h = await createTestDb(backend);
    fundId = await seedFund(h.db);
    [a, b, usdA, usdB] = [
      await account(h.db, fundId, 'a'),
      await account(h.db, fundId, 'b'),
      await account(h.db, fundId, 'a', 'usd'),
      await account(h.db, fundId, 'b', 'usd'),
    ];
  });
  afterAll(() => h?.cleanup());

  it('refuses an unbalanced entry at commit', async () => {
    const e = await rejection(
      rawEntry(h.db, fundId, [
        [a, 'units', 10n],
        [b, 'units', -9n],
      ]),
    );
    expect(ledgerRule(e)).toBe('fiscus:unbalanced_entry');
    expect(dbMessage(e)).toMatch(/units postings sum to 1/);
    const mapped = mapLedgerError(e);
    expect(mapped).toBeInstanceOf(FiscusError);
    expect((mapped as FiscusError).code).toBe('UNBALANCED_POSTING');
  });

  it('refuses an entry with one posting or none', async () => {
    expect(ledgerRule(await rejection(rawEntry(h.db, fundId, [[a, 'units', 0n]])))).toBe('fiscus:unbalanced_entry');
    expect(ledgerRule(await rejection(rawEntry(h.db, fundId, [])))).toBe('fiscus:unbalanced_entry');
  });

  it('refuses a per-commodity imbalance even when the grand total is 0', async () => {
    const e = await rejection(
      rawEntry(h.db, fundId, [
        [a, 'units', 5n],
        [usdB, 'usd', -5n],
      ]),
    );
    expect(ledgerRule(e)).toBe('fiscus:unbalanced_entry');
  });

  it('accepts a raw balanced multi-commodity entry and leaves nothing of refused ones', async () => {
    await rawEntry(h.db, fundId, [
      [a, 'units', 7n],
      [b, 'units', -7n],
      [usdA, 'usd', 3n],
      [usdB, 'usd', -3n],
    ]);
    const rows = await h.db.select().from(ledgerAccounts).where(sql`${ledgerAccounts.fundId} = ${fundId}`);
    expect(Object.fromEntries(rows.map((r) => [`${r.code}/${r.commodity}`, r.balance]))).toEqual({ 'a/units': 7n, 'b/units': -7n, 'a/usd': 3n, 'b/usd': -3n });
  });

  it('refuses a posting whose commodity differs from its account', async () => {
    const e = await rejection(
      rawEntry(h.db, fundId, [
        [a, 'usd', 1n],
        [usdB, 'usd', -1n],
      ]),
    );
    expect(ledgerRule(e)).toBe('fiscus:posting_mismatch');
  });

  it("refuses a posting to another fund's account", async () => {
    const other = await seedFund(h.db);
    const foreign = await account(h.db, other, 'a');
    expect(
      ledgerRule(
        await rejection(
          rawEntry(h.db, fundId, [
            [foreign, 'units', 1n],
            [b, 'units', -1n],
          ]),
        ),
      ),
    ).toBe('fiscus:posting_mismatch');
  });

  it('refuses direct balance writes', async () => {
    expect(ledgerRule(await rejection(h.db.execute(sql`update ledger_accounts set balance = 100 where id = ${a}`)))).toBe('fiscus:account_guard');
    expect(ledgerRule(await rejection(h.db.insert(ledgerAccounts).values({ fundId, code: 'rich', commodity: 'units', balance: 5n })))).toBe(
      'fiscus:account_guard',
    );
  });

  it('refuses UPDATE, DELETE and TRUNCATE on the append-only tables', async () => {
    await postEntry(h.db, {
      fundId,
      memo: 'x',
      postings: [
        { account: 'a', commodity: 'units', amount: 1n },
        { account: 'b', commodity: 'units', amount: -1n },
      ],
    });
    await h.db.insert(operations).values({ id: `op-${fundId}`, fundId, chain: 'eip155:1', kind: 'mint', body: {}, state: 'requested' });
    await h.db.insert(operationEvents).values({ operationId: `op-${fundId}`, toState: 'requested' });
    await h.db.execute(
      sql`insert into audit_log (seq, at, actor, action, subject, data, prev_hash, hash) values (1, now()::timestamp(3), 'a', 'b', 'c', '{}', ${'0'.repeat(64)}, ${'1'.repeat(64)})`,
    );
    for (const table of ['postings', 'journal_entries', 'audit_log', 'operation_events']) {
      for (const stmt of [
        `update ${table} set ${table === 'postings' ? 'amount = amount' : table === 'audit_log' ? 'actor = actor' : table === 'journal_entries' ? "memo = 'edited'" : "to_state = 'x'"}`,
        `delete from ${table}`,
        `truncate ${table} cascade`,
      ]) {
        const e = await rejection(h.db.execute(sql.raw(stmt)));
        expect(ledgerRule(e), `${stmt}: ${dbMessage(e)}`).toBe('fiscus:append_only');
      }
    }
  });
});
