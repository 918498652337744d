import { FiscusError, type MicroUsd } from '@fiscus/core';
import { appendAudit, cashAccount, postEntry, stablecoinAccount, type Db } from '@fiscus/ledger';
import { getSettlementChain } from './chains.ts';

/** Where liquidity comes from: the fund's bank cash (bought as stablecoin) or another chain's treasury. */
export type LiquiditySource = { cash: string } | { chain: string };

/**
 * Books stablecoin liquidity arriving on a chain's treasury (the treasurer moved it: a bank wire
 * minted into USDC, or a transfer from another chain's treasury). The chain movement itself is
 * outside the engine; the stablecoin reconciliation compares this entry with the chain, so a
 * booking that the chain does not show becomes a drift, never a silent difference.
 */
export async function recordLiquidityMove(
  db: Db,
  p: { fundId: string; toChain: string; from: LiquiditySource; usd: MicroUsd; reference: string; by: string },
): Promise<{ entryId: bigint }> {
  if (p.usd <= 0n) throw new FiscusError('INVALID_AMOUNT', 'a liquidity move moves a positive amount');
  if (!(await getSettlementChain(db, p.fundId, p.toChain))) {
    throw new FiscusError('CAPABILITY_UNSUPPORTED', `the fund does not settle in stablecoin on ${p.toChain}`, { meta: { chain: p.toChain } });
  }
  if ('chain' in p.from) {
    if (p.from.chain === p.toChain) throw new FiscusError('VALIDATION_FAILED', 'a liquidity move needs two different chains');
    if (!(await getSettlementChain(db, p.fundId, p.from.chain))) {
      throw new FiscusError('CAPABILITY_UNSUPPORTED', `the fund does not settle in stablecoin on ${p.from.chain}`, { meta: { chain: p.from.chain } });
    }
  }
  const source = 'cash' in p.from ? cashAccount(p.from.cash) : stablecoinAccount(p.from.chain);
  return db.transaction(async (tx) => {
    const { entryId } = await postEntry(tx, {
      fundId: p.fundId,
      memo: 'stablecoin liquidity moved',
      meta: { reference: p.reference, from: source, toChain: p.toChain },
      postings: [
        { account: stablecoinAccount(p.toChain), commodity: 'usd', amount: p.usd },
        { account: source, commodity: 'usd', amount: -p.usd },
      ],
    });
    await appendAudit(tx, {
      actor: p.by,
      action: 'settlement.liquidity_moved',
      subject: p.fundId,
      data: { from: source, toChain: p.toChain, usd: p.usd.toString(), reference: p.reference, entryId: entryId.toString() },
    });
    return { entryId };
  });
}
