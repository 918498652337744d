import { and, desc, eq, gt, inArray, isNotNull, or, sql } from 'drizzle-orm';
import { toPublicError, type ChainDriver, type Deployment } from '@fiscus/core';
import { executeRows, schema, type Db } from '@fiscus/ledger';
import { POSITIONS_FULL_EVERY_MS, POSITIONS_INCREMENTAL_OVERLAP_MS, POSITIONS_SAMPLE_SIZE } from '../defaults.ts';
import { readBalances } from './balances.ts';

const { fundWallets, reconciliations, unmatchedChainEvents, wallets } = schema;

export interface PositionMismatch {
  address: string;
  chain: bigint;
  books: bigint;
}

export type PositionsMode = 'full' | 'incremental';

export interface PositionCheck {
  /** `full`: every holder on chain and in the books; `incremental`: the holders touched since the last check. */
  mode: PositionsMode;
  /** Database time the check started: the next incremental check looks at what changed after it. */
  startedAt: string;
  /** Incremental: changes after this instant were checked. */
  since?: string;
  /** Holders with a balance on chain (full); touched holders checked (incremental). */
  onChain: number;
  /** Wallets of the fund on this chain with units in the cap table (full); touched wallets in the books (incremental). */
  inBooks: number;
  mismatched: number;
  /** The first mismatches (address, chain balance, cap-table units). */
  sample: PositionMismatch[];
}

const caseInsensitive = (chain: string) => chain.startsWith('eip155:') || chain.startsWith('memory:');
const key = (chain: string, a: string) => (caseInsensitive(chain) ? a.toLowerCase() : a);

/** The database's clock: updated_at columns are set from it, so "touched since" compares like with like. */
async function dbNow(db: Db): Promise<Date> {
  const [row] = await executeRows<{ ms: string }>(db, sql`select floor(extract(epoch from now()) * 1000)::bigint::text as ms`);
  return new Date(Number(row!.ms));
}

/** Cap-table units per wallet address of the fund on this chain: one query, summed per address. */
async function booksOf(db: Db, fundId: string, chain: string, only?: { updatedAfter?: Date; addresses?: string[] }): Promise<Map<string, bigint>> {
  const addressMatch = only?.addresses?.length
    ? caseInsensitive(chain)
      ? inArray(sql`lower(${wallets.address})`, only.addresses)
      : inArray(wallets.address, only.addresses)
    : undefined;
  const scope = only ? or(only.updatedAfter ? gt(fundWallets.updatedAt, only.updatedAfter) : undefined, addressMatch) : undefined;
  if (only && !scope) return new Map();
  // One row of JSON, not a row per wallet: decoding 100,000 result rows was most of this
  // query's cost on PGlite (~2× slower at fund scale).
  const [row] = await db
    .select({ pairs: sql<unknown>`coalesce(json_agg(json_build_array(${wallets.address}, ${fundWallets.units}::text)), '[]'::json)` })
    .from(fundWallets)
    .innerJoin(wallets, eq(wallets.id, fundWallets.walletId))
    .where(and(eq(fundWallets.fundId, fundId), eq(wallets.chain, chain), scope));
  // Drivers differ in whether they parse json columns.
  const pairs = (typeof row?.pairs === 'string' ? JSON.parse(row.pairs) : (row?.pairs ?? [])) as [string, string][];
  const books = new Map<string, bigint>();
  for (const [address, units] of pairs) books.set(key(chain, address), (books.get(key(chain, address)) ?? 0n) + BigInt(units));
  return books;
}

function tally(sampleSize: number | undefined) {
  const t = { mismatched: 0, sample: [] as PositionMismatch[] };
  const miss = (m: PositionMismatch) => {
    t.mismatched++;
    if (t.sample.length < (sampleSize ?? POSITIONS_SAMPLE_SIZE)) t.sample.push(m);
  };
  return { t, miss };
}

/**
 * Holder-level reconciliation: every on-chain holder balance (paged through the driver) against
 * the cap table's position for that wallet. Supply can agree while positions do not (a transfer
 * the ingester has not applied, a wallet the books never saw): this names them. The books are
 * one query; the chain is read page by page (linear: see ChainDriver.holders).
 */
export async function checkPositions(db: Db, driver: ChainDriver, p: { fundId: string; deployment: Deployment; sampleSize?: number }): Promise<PositionCheck> {
  const chain = driver.chain;
  const startedAt = await dbNow(db);
  // The books are read while the chain is paged (on PostgreSQL the query runs meanwhile in the
  // server); a failed chain read must not leave the books' promise unobserved.
  const booksRead = booksOf(db, p.fundId, chain);
  booksRead.catch(() => {});
  const holders: { address: string; units: bigint }[] = [];
  let cursor: string | undefined;
  do {
    const page = await driver.holders(p.deployment, cursor);
    for (const h of page.items) if (h.units !== 0n) holders.push(h);
    cursor = page.next;
  } while (cursor);
  const books = await booksRead;
  const { t, miss } = tally(p.sampleSize);
  const onChain = holders.length;
  const seen = new Set<string>();
  for (const h of holders) {
    const k = key(chain, h.address);
    seen.add(k);
    const b = books.get(k) ?? 0n;
    if (b !== h.units) miss({ address: h.address, chain: h.units, books: b });
  }
  let inBooks = 0;
  for (const [address, units] of books) {
    if (units === 0n) continue;
    inBooks++;
    if (!seen.has(address)) miss({ address, chain: 0n, books: units });
  }
  return { mode: 'full', startedAt: startedAt.toISOString(), onChain, inBooks, ...t };
}

/**
 * The check between full ones: only holders touched since `since` — cap-table positions that
 * changed (the engine posting an operation, the ingest applying a transfer or a holder burn) and
 * addresses of chain movements the books could not apply (unmatched events) — each compared
 * with its balance on chain, read in batches. Its cost follows the activity, not the fund's size.
 */
export async function checkTouchedPositions(
  db: Db,
  driver: ChainDriver,
  p: { fundId: string; deployment: Deployment; since: Date; sampleSize?: number },
): Promise<PositionCheck> {
  const chain = driver.chain;
  const startedAt = await dbNow(db);
  // Transactions commit after their now(): look a little further back than the last check.
  const after = new Date(p.since.getTime() - POSITIONS_INCREMENTAL_OVERLAP_MS);
  const moved = await db
    .select({ from: unmatchedChainEvents.fromAddress, to: unmatchedChainEvents.toAddress })
    .from(unmatchedChainEvents)
    .where(and(eq(unmatchedChainEvents.fundId, p.fundId), eq(unmatchedChainEvents.chain, chain), gt(unmatchedChainEvents.seenAt, after)));
  const unmatched = [
    ...new Set(
      moved
        .flatMap((m) => [m.from, m.to])
        .filter((a): a is string => a !== null)
        .map((a) => key(chain, a)),
    ),
  ];
  const books = await booksOf(db, p.fundId, chain, { updatedAfter: after, addresses: unmatched });
  const touched = [...new Set([...books.keys(), ...unmatched])];
  const balances = await readBalances(driver, p.deployment, touched);
  const { t, miss } = tally(p.sampleSize);
  let onChain = 0;
  touched.forEach((address, i) => {
    const c = balances[i]!;
    const b = books.get(address) ?? 0n;
    if (c > 0n) onChain++;
    if (c !== b) miss({ address, chain: c, books: b });
  });
  const inBooks = [...books.values()].filter((u) => u !== 0n).length;
  return { mode: 'incremental', startedAt: startedAt.toISOString(), since: p.since.toISOString(), onChain, inBooks, ...t };
}

/** `auto`: full when the last full check is older than POSITIONS_FULL_EVERY_MS (or none), else incremental. */
export type PositionsRequest = PositionsMode | 'auto';

/** The last positions check recorded for this fund and chain: when it started, and the last full one. */
async function lastChecks(db: Db, fundId: string, chain: string): Promise<{ last?: Date; lastFull?: Date }> {
  const started = sql<string>`${reconciliations.detail}->'positions'->>'startedAt'`;
  const recent = (full: boolean) =>
    db
      .select({ startedAt: started })
      .from(reconciliations)
      .where(
        and(
          eq(reconciliations.fundId, fundId),
          eq(reconciliations.chain, chain),
          isNotNull(started),
          full ? sql`${reconciliations.detail}->'positions'->>'mode' = 'full'` : undefined,
        ),
      )
      .orderBy(desc(reconciliations.createdAt))
      .limit(1);
  const [[last], [lastFull]] = await Promise.all([recent(false), recent(true)]);
  return { last: last ? new Date(last.startedAt) : undefined, lastFull: lastFull ? new Date(lastFull.startedAt) : undefined };
}

/** The check as the reconciliation record keeps it (JSON: units as strings); a chain read failure is recorded, not thrown. */
export async function positionsDetail(
  db: Db,
  driver: ChainDriver,
  p: { fundId: string; deployment: Deployment; mode?: PositionsRequest; fullEveryMs?: number },
): Promise<Record<string, unknown>> {
  try {
    let c: PositionCheck;
    const mode = p.mode ?? 'full';
    if (mode === 'full') c = await checkPositions(db, driver, p);
    else {
      const { last, lastFull } = await lastChecks(db, p.fundId, driver.chain);
      const fullDue = !lastFull || !last || (mode === 'auto' && Date.now() - lastFull.getTime() >= (p.fullEveryMs ?? POSITIONS_FULL_EVERY_MS));
      c = fullDue ? await checkPositions(db, driver, p) : await checkTouchedPositions(db, driver, { ...p, since: last });
    }
    return { ...c, sample: c.sample.map((m) => ({ address: m.address, chain: m.chain.toString(), books: m.books.toString() })) };
  } catch (e) {
    return { error: toPublicError(driver.parseError(e)).message };
  }
}
