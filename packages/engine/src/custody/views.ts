import { asc, eq } from 'drizzle-orm';
import { balances, schema, type Db } from '@fiscus/ledger';
import type { LotRow } from './lots.ts';

const { custodyLots } = schema;

export interface Holdings {
  lots: LotRow[];
  /** Lots still held: Σ cost (what custody:* carries) and Σ face (what they pay at maturity). */
  heldAtCost: bigint;
  heldAtFace: bigint;
  /** Ledger balance of each custody:<custodian> account. */
  custodyBalances: Map<string, bigint>;
}

export async function custodyHoldings(db: Db, fundId: string): Promise<Holdings> {
  const lots = await db.select().from(custodyLots).where(eq(custodyLots.fundId, fundId)).orderBy(asc(custodyLots.maturityDate), asc(custodyLots.id));
  const held = lots.filter((l) => l.status === 'held');
  return {
    lots,
    heldAtCost: held.reduce((s, l) => s + l.purchasePrice, 0n),
    heldAtFace: held.reduce((s, l) => s + l.faceValue, 0n),
    custodyBalances: await balances(db, { fundId, commodity: 'usd', prefix: 'custody:' }),
  };
}

/** Balance of every cash:<account> of the fund. */
export async function cashBalances(db: Db, fundId: string): Promise<Map<string, bigint>> {
  return balances(db, { fundId, commodity: 'usd', prefix: 'cash:' });
}
