import { afterAll, beforeAll, expect, it } from 'vitest';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { DriverRegistry } from '@fiscus/core';
import { schema, verifyAuditChain, type Db } from '@fiscus/ledger';
import { describeEachBackend, useFreshDatabase } from '@fiscus/ledger/testing';
import { DEFAULT_BACKOFF } from '../src/defaults.ts';
import type { OperationRow } from '../src/rows.ts';
import type { StepContext } from '../src/steps/context.ts';
import { postingGroup } from '../src/steps/post.ts';
import { deployedFund, requestMint } from '../src/testing/index.ts';
import { startMemchainHarness, type MemchainHarness } from './support/memchain.ts';

const { operations, journalEntries, auditLog } = schema;
const OWNER = 'posting-test';
const silent = { info() {}, warn() {}, error() {} };

/**
 * A worker's postings that reach `confirmed` together commit in one transaction (steps/post.ts):
 * every row of the group carries the same transaction time, each has its journal entry and
 * its audit record, and the audit chain holds. One operation whose effects are refused does not
 * hold the others back: the group falls back to one transaction each, the refused one keeps its
 * error and stays `confirmed`.
 */
describeEachBackend('postings committed as a group', (backend) => {
  let harness: MemchainHarness;
  const fresh = useFreshDatabase(backend);
  beforeAll(async () => {
    harness = await startMemchainHarness();
  });
  afterAll(() => harness.close());

  /** Mints leased to this test in `confirmed`, as the track step leaves them (posting reads no chain). */
  async function confirmedMints(db: Db, f: Awaited<ReturnType<typeof deployedFund>>, n: number): Promise<OperationRow[]> {
    const rows: OperationRow[] = [];
    for (let i = 0; i < n; i++) {
      const mint = await requestMint(db, { ...f, chain: harness.chain, to: f.address, units: BigInt(100 + i) });
      const [row] = await db
        .update(operations)
        .set({ state: 'confirmed', txHash: `${i}`.padStart(64, 'a'), block: 7n, leaseOwner: OWNER, leaseUntil: new Date(Date.now() + 60_000) })
        .where(eq(operations.id, mint.id))
        .returning();
      rows.push(row!);
    }
    return rows;
  }

  const context = (db: Db): StepContext => ({
    db,
    drivers: new DriverRegistry().register(harness.driver),
    owner: OWNER,
    logger: silent,
    backoff: DEFAULT_BACKOFF,
    pollMs: 50,
    maxAttempts: 5,
    replaceAfterMs: 60_000,
  });

  /** now() is the transaction's start: rows moved by one transaction carry one updated_at. */
  const transactionsOf = async (db: Db, ids: string[]) =>
    new Set((await db.select({ at: operations.updatedAt }).from(operations).where(inArray(operations.id, ids))).map((r) => r.at.getTime()));

  it('posts concurrent confirmations in one transaction, each with its entry and audit record', async () => {
    const db = fresh.current.db;
    const f = await deployedFund(fresh.current, harness);
    const mints = await confirmedMints(db, f, 4);
    const group = postingGroup(context(db));
    const posted = await Promise.all(mints.map((op) => group.add(op)));
    expect(posted.map((r) => r?.state)).toEqual(['posted', 'posted', 'posted', 'posted']);
    const ids = mints.map((m) => m.id);
    expect((await transactionsOf(db, ids)).size).toBe(1);
    expect(await db.select().from(journalEntries).where(inArray(journalEntries.operationId, ids))).toHaveLength(4);
    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'operation.posted'), inArray(auditLog.subject, ids)))
      .orderBy(auditLog.seq);
    expect(audit.map((a) => a.subject)).toEqual(ids);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
    const [position] = await db.select().from(schema.fundWallets).where(eq(schema.fundWallets.walletId, f.walletId));
    expect(position?.units).toBe(100n + 101n + 102n + 103n);
  });

  it('an operation whose effects are refused fails alone; the rest of its group posts', async () => {
    const db = fresh.current.db;
    const f = await deployedFund(fresh.current, harness);
    const mints = await confirmedMints(db, f, 3);
    const refused = mints[1]!.id;
    // A fault inside the posting transaction of one operation (as a broken effect would raise).
    await db.execute(
      sql.raw(`create function refuse_one_entry() returns trigger language plpgsql as $$
        begin if new.operation_id = '${refused}' then raise exception 'entry refused by the test'; end if; return new; end $$`),
    );
    await db.execute(sql.raw('create trigger refuse_one_entry before insert on journal_entries for each row execute function refuse_one_entry()'));
    const group = postingGroup(context(db));
    const settled = await Promise.allSettled(mints.map((op) => group.add(op)));
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(String((settled[1] as PromiseRejectedResult).reason.cause)).toContain('entry refused by the test');
    const states = await db
      .select({ id: operations.id, state: operations.state })
      .from(operations)
      .where(
        inArray(
          operations.id,
          mints.map((m) => m.id),
        ),
      );
    expect(Object.fromEntries(states.map((s) => [s.id, s.state]))).toEqual({ [mints[0]!.id]: 'posted', [refused]: 'confirmed', [mints[2]!.id]: 'posted' });
    expect(await db.select().from(journalEntries).where(eq(journalEntries.operationId, refused))).toHaveLength(0);
    expect((await transactionsOf(db, [mints[0]!.id, mints[2]!.id])).size).toBe(2);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });
});
