import { and, eq, inArray, sql } from 'drizzle-orm';
import { schema, type Db } from '@fiscus/ledger';

const { operations } = schema;

/**
 * The two lookups behind ownTxHashes, as queries: each served by an index of `operations`
 * (operations_chain_tx, operations_replaced), so a page of events costs the same whether the
 * platform has posted a thousand operations or ten million. own-transactions.int.test.ts plans them.
 */
export function ownTxQueries(tx: Db, chain: string, lowered: string[]) {
  const wanted = sql.join(
    lowered.map((h) => sql`${h}`),
    sql`, `,
  );
  return {
    current: tx
      .select({ txHash: operations.txHash })
      .from(operations)
      .where(and(eq(operations.chain, chain), inArray(sql`lower(${operations.txHash})`, lowered))),
    replaced: tx
      .select({ superseded: operations.supersededTxs })
      .from(operations)
      .where(
        and(
          eq(operations.chain, chain),
          sql`jsonb_array_length(${operations.supersededTxs}) > 0`,
          sql`exists (select 1 from jsonb_array_elements(${operations.supersededTxs}) c where lower(c->>'hash') in (${wanted}))`,
        ),
      ),
  };
}

/** Hashes (lower-cased) of our own operations' transactions on this chain among `hashes`. */
export async function ownTxHashes(tx: Db, chain: string, hashes: string[]): Promise<Set<string>> {
  const lowered = [...new Set(hashes.map((h) => h.toLowerCase()))];
  if (lowered.length === 0) return new Set();
  const q = ownTxQueries(tx, chain, lowered);
  const own = new Set((await q.current).map((r) => r.txHash!.toLowerCase()));
  // A fee-replaced operation whose EARLIER candidate landed still names the replacement until its
  // worker sees the receipt: that mint is ours too (the soak found it booked as a foreign mint).
  for (const r of await q.replaced) for (const c of r.superseded as { hash?: string }[]) if (c.hash) own.add(c.hash.toLowerCase());
  return own;
}
