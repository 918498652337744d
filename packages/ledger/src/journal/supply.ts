import { and, eq, or, sql } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { ledgerAccounts } from '../schema/index.ts';
import { ISSUANCE, SUPPLY_PREFIX, TRANSIT } from './accounts.ts';
import { accountBalance } from './balances.ts';

/** Units the fund has issued and not redeemed: minus the issuance account's balance. */
export async function unitsOutstanding(db: Db, fundId: string): Promise<bigint> {
  return -(await accountBalance(db, { fundId, code: ISSUANCE, commodity: 'units' }));
}

export interface SupplyInvariant {
  ok: boolean;
  outstanding: bigint;
  /** Ledger supply per chain, keyed by chain id (the part after `supply:`). */
  supplies: Record<string, bigint>;
  transit: bigint;
}

/**
 * Invariant S2 of docs/architecture.md: Σ supply:<chain> + transit == units outstanding. Entries balance per
 * commodity, so this fails only when units sit in some other account (a posting bug).
 * One statement, so one snapshot: a concurrent posting cannot make it report a false drift.
 */
export async function checkSupplyInvariant(db: Db, fundId: string): Promise<SupplyInvariant> {
  const rows = await db
    .select({ code: ledgerAccounts.code, balance: ledgerAccounts.balance })
    .from(ledgerAccounts)
    .where(
      and(
        eq(ledgerAccounts.fundId, fundId),
        eq(ledgerAccounts.commodity, 'units'),
        or(eq(ledgerAccounts.code, ISSUANCE), eq(ledgerAccounts.code, TRANSIT), sql`starts_with(${ledgerAccounts.code}, ${SUPPLY_PREFIX})`),
      ),
    )
    .orderBy(ledgerAccounts.code);
  let outstanding = 0n;
  let transit = 0n;
  const supplies: Record<string, bigint> = {};
  for (const { code, balance } of rows) {
    if (code === ISSUANCE) outstanding = -balance;
    else if (code === TRANSIT) transit = balance;
    else supplies[code.slice(SUPPLY_PREFIX.length)] = balance;
  }
  const total = Object.values(supplies).reduce((a, b) => a + b, transit);
  return { ok: total === outstanding, outstanding, supplies, transit };
}
