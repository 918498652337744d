import { sql } from 'drizzle-orm';
import { FiscusError } from '@fiscus/core';
import type { Db } from '../db.ts';
import { journalEntries, ledgerAccounts, postings } from '../schema/index.ts';
import { executeRows, tableStatements } from '../table-statements.ts';
import type { PostEntryParameters } from './entry.ts';

const ACCOUNTS = tableStatements(ledgerAccounts);
const ENTRIES = tableStatements(journalEntries);
const POSTINGS = tableStatements(postings);

export type KnownAccountsPost = { kind: 'posted'; entryId: bigint } | { kind: 'alreadyPosted' } | { kind: 'accountsMissing' };

/**
 * An entry whose accounts all exist — every entry but a fund's first on an account — in one
 * statement: the accounts' ids, the entry and its postings (three round trips → one; every
 * operation posts one). Nothing is written unless every account was found; the caller then
 * creates the missing ones and posts the long way. The postings go in account-id order, so
 * concurrent entries lock accounts (the balance trigger) in one order, as the long way does.
 */
export async function postToKnownAccounts(tx: Db, p: PostEntryParameters, keys: readonly { code: string; commodity: string }[]): Promise<KnownAccountsPost> {
  const wanted = sql.join(
    p.postings.map((x) => sql`(${x.account}::text, ${x.commodity}::text, ${sql.param(x.amount, postings.amount)}::int8)`),
    sql`, `,
  );
  const keyList = sql.join(
    keys.map((k) => sql`(${k.code}::text, ${k.commodity}::text)`),
    sql`, `,
  );
  const [row] = await executeRows<{ found: number; entry_id: string | null; posted: number }>(
    tx,
    sql`with wanted(code, commodity, amount) as (values ${wanted}),
      acc as (select id, code, commodity from ${ACCOUNTS.table} where fund_id = ${p.fundId} and (code, commodity) in (${keyList})),
      entry as (insert into ${ENTRIES.table} (fund_id, operation_id, memo, meta)
        select ${p.fundId}, ${p.operationId ?? null}, ${p.memo}, ${sql.param(p.meta ?? null, journalEntries.meta)}::jsonb
        where (select count(*) from acc) = ${keys.length}
        on conflict (operation_id) do nothing
        returning id),
      posted as (insert into ${POSTINGS.table} (entry_id, account_id, commodity, amount)
        select entry.id, acc.id, wanted.commodity, wanted.amount
        from entry, wanted join acc using (code, commodity)
        order by acc.id
        returning 1)
    select (select count(*) from acc)::int as found, (select id from entry)::text as entry_id, (select count(*) from posted)::int as posted`,
  );
  if (!row || row.found < keys.length) return { kind: 'accountsMissing' };
  if (row.entry_id === null) return { kind: 'alreadyPosted' };
  if (row.posted !== p.postings.length) {
    throw new FiscusError('INTERNAL', `entry ${row.entry_id}: ${row.posted} of ${p.postings.length} postings written`);
  }
  return { kind: 'posted', entryId: BigInt(row.entry_id) };
}
