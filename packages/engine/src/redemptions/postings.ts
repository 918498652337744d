import { cashAccount, investorAccount, postEntry, type Db } from '@fiscus/ledger';
import { FUND_CAPITAL } from './pricing.ts';

interface Owed {
  id: string;
  fundId: string;
  investorId: string | null;
  usd: bigint | null;
  units: bigint;
  navValue: bigint | null;
  navScale: number | null;
}

/**
 * The units are burned: their value at NAV leaves fund capital and becomes a payable to the
 * investor (capital +usd / investor:<id> −usd). Paid out later by settlement.
 */
export async function postRedemptionOwed(tx: Db, r: Owed): Promise<void> {
  if (!r.investorId || !r.usd) return; // nothing owed in USD (a zero-value redemption)
  await postEntry(tx, {
    fundId: r.fundId,
    memo: 'redemption owed at NAV',
    meta: { redemptionId: r.id, units: r.units.toString(), nav: { value: String(r.navValue), scale: r.navScale }, rule: 'REDEMPTION_USD_ROUND_DOWN' },
    postings: [
      { account: FUND_CAPITAL, commodity: 'usd', amount: r.usd },
      { account: investorAccount(r.investorId), commodity: 'usd', amount: -r.usd },
    ],
  });
}

/** Settlement pays the payable from cash: cash:<account> −usd / investor:<id> +usd. */
export async function postRedemptionPaid(tx: Db, r: Owed & { payoutId: string; account: string }): Promise<bigint | null> {
  if (!r.investorId || !r.usd) return null;
  const { entryId } = await postEntry(tx, {
    fundId: r.fundId,
    memo: 'redemption payout instructed',
    meta: { redemptionId: r.id, payoutId: r.payoutId },
    postings: [
      { account: cashAccount(r.account), commodity: 'usd', amount: -r.usd },
      { account: investorAccount(r.investorId), commodity: 'usd', amount: r.usd },
    ],
  });
  return entryId;
}
