import { and, eq, inArray } from 'drizzle-orm';
import { FiscusError, INT64_MAX } from '@fiscus/core';
import type { Db } from '../db.ts';
import { journalEntries, ledgerAccounts, postings } from '../schema/index.ts';
import { isCommodity, type Commodity } from './accounts.ts';
import type { Posting, PostEntryParameters, PostEntryReturnType } from './entry.ts';
import { mapLedgerError } from './errors.ts';
import { postToKnownAccounts } from './post-known.ts';

export type { Posting, PostEntryParameters, PostEntryReturnType } from './entry.ts';

/** Refuse in TS first so the caller gets a precise message; the database refuses on its own too. */
export function assertBalanced(list: readonly Posting[]): void {
  if (list.length < 2) {
    throw new FiscusError('UNBALANCED_POSTING', 'A journal entry needs at least 2 postings', { meta: { postings: list.length } });
  }
  const sums = new Map<Commodity, bigint>();
  for (const p of list) {
    if (!isCommodity(p.commodity)) throw new FiscusError('VALIDATION_FAILED', `Unknown commodity ${String(p.commodity)}`);
    if (typeof p.amount !== 'bigint') throw new FiscusError('INVALID_AMOUNT', 'Posting amounts must be bigint');
    if (p.amount > INT64_MAX || p.amount < -INT64_MAX) {
      throw new FiscusError('AMOUNT_OUT_OF_RANGE', 'Posting amount does not fit in int8', { meta: { account: p.account } });
    }
    if (!p.account) throw new FiscusError('VALIDATION_FAILED', 'Posting account code is empty');
    sums.set(p.commodity, (sums.get(p.commodity) ?? 0n) + p.amount);
  }
  const off = [...sums].filter(([, total]) => total !== 0n);
  if (off.length > 0) {
    throw new FiscusError('UNBALANCED_POSTING', 'Journal entry does not balance', {
      details: off.map(([c, t]) => `${c} postings sum to ${t}`).join('; '),
      meta: Object.fromEntries(off.map(([c, t]) => [c, t.toString()])),
    });
  }
}

/**
 * Write one balanced entry. Runs in its own transaction, or as a savepoint inside the caller's
 * (drizzle nests), so a saga can post and advance its operation row atomically.
 */
export async function postEntry(db: Db, p: PostEntryParameters): Promise<PostEntryReturnType> {
  assertBalanced(p.postings);
  try {
    return await db.transaction(async (tx) => {
      // Sorted so concurrent entries touch (and row-lock) accounts in one order: no deadlocks.
      const keys = [...new Map(p.postings.map((x) => [`${x.commodity}\u0000${x.account}`, x])).values()]
        .map(({ account, commodity }) => ({ code: account, commodity }))
        .sort((a, b) => cmp(a.commodity, b.commodity) || cmp(a.code, b.code));
      const known = await postToKnownAccounts(tx, p, keys);
      if (known.kind === 'posted') return { entryId: known.entryId };
      if (known.kind === 'alreadyPosted') throw alreadyPosted(p);
      const lookUp = async () => {
        const rows = await tx
          .select({ id: ledgerAccounts.id, code: ledgerAccounts.code, commodity: ledgerAccounts.commodity })
          .from(ledgerAccounts)
          .where(
            and(
              eq(ledgerAccounts.fundId, p.fundId),
              inArray(
                ledgerAccounts.code,
                keys.map((k) => k.code),
              ),
            ),
          );
        return new Map(rows.map((r) => [`${r.commodity}\u0000${r.code}`, r.id]));
      };
      // An account is missing (postToKnownAccounts wrote nothing). Read first: an INSERT … ON
      // CONFLICT on an existing account waits for every open transaction that moved its balance
      // (the posting trigger's row lock) — on a fund's supply account, every posting in flight.
      // Only accounts not there yet are inserted.
      let ids = await lookUp();
      const missing = keys.filter((k) => !ids.has(`${k.commodity}\u0000${k.code}`));
      if (missing.length > 0) {
        await tx
          .insert(ledgerAccounts)
          .values(missing.map((k) => ({ fundId: p.fundId, ...k })))
          .onConflictDoNothing();
        ids = await lookUp();
      }

      const [entry] = await tx
        .insert(journalEntries)
        .values({ fundId: p.fundId, operationId: p.operationId, memo: p.memo, meta: p.meta })
        .onConflictDoNothing({ target: journalEntries.operationId })
        .returning({ id: journalEntries.id });
      if (!entry) throw alreadyPosted(p);

      const values = p.postings
        .map((x) => ({ entryId: entry.id, accountId: ids.get(`${x.commodity}\u0000${x.account}`)!, commodity: x.commodity, amount: x.amount }))
        .sort((a, b) => (a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0));
      // The balance triggers lock the accounts until the caller commits: nothing after this.
      // assertBalanced refused an unbalanced entry above; the database's deferred balance
      // constraint checks it again at COMMIT, a backstop for any writer that skips this function.
      await tx.insert(postings).values(values);
      return { entryId: entry.id };
    });
  } catch (e) {
    throw mapLedgerError(e);
  }
}

const alreadyPosted = (p: PostEntryParameters) =>
  new FiscusError('CONFLICT', 'This operation has already been posted', { meta: { operationId: p.operationId } });

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
