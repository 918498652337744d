import { and, eq } from 'drizzle-orm';
import { toPublicError, type ChainDriver, type Deployment } from '@fiscus/core';
import { schema, type Db } from '@fiscus/ledger';
import { POSITIONS_SAMPLE_SIZE } from '../defaults.ts';

const { fundWallets, wallets } = schema;

export interface PositionMismatch {
  address: string;
  chain: bigint;
  books: bigint;
}

export interface PositionCheck {
  /** Holders with a balance on chain. */
  onChain: number;
  /** Wallets of the fund on this chain with units in the cap table. */
  inBooks: number;
  mismatched: number;
  /** The first mismatches (address, chain balance, cap-table units). */
  sample: PositionMismatch[];
}

const key = (chain: string, a: string) => (chain.startsWith('eip155:') || chain.startsWith('memory:') ? a.toLowerCase() : a);

/**
 * Holder-level reconciliation: every on-chain holder balance (paged through the driver) against
 * the cap table's position for that wallet. Supply can agree while positions do not (a transfer
 * the ingester has not applied, a wallet the books never saw): this names them.
 */
export async function checkPositions(db: Db, driver: ChainDriver, p: { fundId: string; deployment: Deployment; sampleSize?: number }): Promise<PositionCheck> {
  const chain = driver.chain;
  const rows = await db
    .select({ address: wallets.address, units: fundWallets.units })
    .from(fundWallets)
    .innerJoin(wallets, eq(wallets.id, fundWallets.walletId))
    .where(and(eq(fundWallets.fundId, p.fundId), eq(wallets.chain, chain)));
  const books = new Map<string, bigint>();
  for (const r of rows) books.set(key(chain, r.address), (books.get(key(chain, r.address)) ?? 0n) + r.units);
  const sample: PositionMismatch[] = [];
  let mismatched = 0;
  let onChain = 0;
  const seen = new Set<string>();
  const miss = (m: PositionMismatch) => {
    mismatched++;
    if (sample.length < (p.sampleSize ?? POSITIONS_SAMPLE_SIZE)) sample.push(m);
  };
  let cursor: string | undefined;
  do {
    const page = await driver.holders(p.deployment, cursor);
    for (const h of page.items) {
      if (h.units === 0n) continue;
      onChain++;
      const k = key(chain, h.address);
      seen.add(k);
      const b = books.get(k) ?? 0n;
      if (b !== h.units) miss({ address: h.address, chain: h.units, books: b });
    }
    cursor = page.next;
  } while (cursor);
  let inBooks = 0;
  for (const [address, units] of books) {
    if (units === 0n) continue;
    inBooks++;
    if (!seen.has(address)) miss({ address, chain: 0n, books: units });
  }
  return { onChain, inBooks, mismatched, sample };
}

/** The check as the reconciliation record keeps it (JSON: units as strings); a chain read failure is recorded, not thrown. */
export async function positionsDetail(db: Db, driver: ChainDriver, p: { fundId: string; deployment: Deployment }): Promise<Record<string, unknown>> {
  try {
    const c = await checkPositions(db, driver, p);
    return { ...c, sample: c.sample.map((m) => ({ address: m.address, chain: m.chain.toString(), books: m.books.toString() })) };
  } catch (e) {
    return { error: toPublicError(driver.parseError(e)).message };
  }
}
