import { and, eq, sql } from 'drizzle-orm';
import { newId, ROUNDING_RULES, type ChainEvent } from '@fiscus/core';
import { appendAudit, ISSUANCE, postEntry, schema, stablecoinAccount, supplyAccount, type Db } from '@fiscus/ledger';
import { FUND_CAPITAL } from '../redemptions/pricing.ts';
import { postRedemptionOwed } from '../redemptions/postings.ts';
import { settleDvpQuote } from '../settlement/quotes.ts';
import type { EngineLogger } from '../steps/context.ts';

const { fundWallets, redemptions, subscriptions } = schema;

export type CashEvent = Extract<ChainEvent, { kind: 'cashSubscription' | 'cashRedemption' }>;

interface Target {
  fundId: string;
  deploymentId: string;
}

interface Holder {
  walletId: string;
  investorId: string;
  inFund: boolean;
}

/** The on-chain NAV (feed answer, 18 decimals) as the books store a NAV: value + scale. */
const FEED_SCALE = 18;

/**
 * The key that makes a subscription booked from the chain unique: subscriptions rows are keyed by
 * the operation that minted; an on-chain subscription has none, its event is the mint.
 */
export const onchainSubscriptionKey = (chain: string, e: { txHash: string; index: number }) => `chain-event:${chain}:${e.txHash.toLowerCase()}:${e.index}`;

/**
 * Books a settlement contract's event (issue 12) exactly once, keyed by (chain, tx hash, event
 * index): a subscriptions row (unique on its key) or a redemptions row (unique on
 * chain + tx + index) is inserted first, and nothing else happens when it already exists, so a
 * re-read page or an ingest from an older cursor books nothing twice. In the page's transaction:
 * - cashSubscription: ONE entry — stablecoin:<chain> +usd / capital −usd and supply:<chain> +u /
 *   issuance −u — and the investor's position +u;
 * - cashRedemption instant: ONE entry — supply −u / issuance +u and capital +usd /
 *   stablecoin −usd — the position −u, a redemption already `settled` and `paid`;
 * - cashRedemption requested: the supply entry and position −u, a redemption `pending`
 *   (queued FIFO for the payout queue, paid on the same chain to the redeeming wallet) with its
 *   value owed to the investor (capital +usd / investor −usd).
 * Returns false when nothing was booked (already booked, or an investor the fund does not know:
 * then the chain and the books differ and the reconciler will name it).
 */
export async function applyCashEvent(tx: Db, t: Target, chain: string, e: CashEvent, h: Holder | undefined, logger: EngineLogger): Promise<boolean> {
  const where = { chain, txHash: e.txHash, index: e.index, investor: e.investor, kind: e.kind };
  if (!h?.inFund) {
    logger.warn(where, 'settlement event of an address that is no investor of this fund: not booked');
    return false;
  }
  return e.kind === 'cashSubscription' ? subscribed(tx, t, chain, e, h, logger) : redeemed(tx, t, chain, e, h, logger);
}

async function subscribed(tx: Db, t: Target, chain: string, e: Extract<CashEvent, { kind: 'cashSubscription' }>, h: Holder, logger: EngineLogger) {
  const id = newId('sub');
  const [row] = await tx
    .insert(subscriptions)
    .values({
      id,
      fundId: t.fundId,
      investorId: h.investorId,
      walletId: h.walletId,
      chain,
      usdIn: e.usd,
      units: e.units,
      // Paid in full on chain: the rounding-down remainder of the units stays with the fund.
      cost: e.usd,
      remainder: 0n,
      navValue: e.nav,
      navScale: FEED_SCALE,
      rule: ROUNDING_RULES.SUBSCRIPTION_UNITS_ROUND_DOWN,
      operationId: onchainSubscriptionKey(chain, e),
      status: 'minted',
    })
    .onConflictDoNothing()
    .returning({ id: subscriptions.id });
  if (!row) {
    logger.warn({ chain, txHash: e.txHash, index: e.index }, 'on-chain subscription already booked: not applied again');
    return false;
  }
  await postEntry(tx, {
    fundId: t.fundId,
    memo: 'subscription paid on chain in stablecoin',
    meta: {
      chain,
      txHash: e.txHash,
      block: e.block.toString(),
      index: e.index,
      subscriptionId: id,
      amount: e.amount.toString(),
      navRound: e.navRound.toString(),
    },
    postings: [
      { account: stablecoinAccount(chain), commodity: 'usd', amount: e.usd },
      { account: FUND_CAPITAL, commodity: 'usd', amount: -e.usd },
      { account: supplyAccount(chain), commodity: 'units', amount: e.units },
      { account: ISSUANCE, commodity: 'units', amount: -e.units },
    ],
  });
  await movePosition(tx, t.fundId, h.walletId, e.units);
  await settleDvpQuote(tx, { fundId: t.fundId, chain, txHash: e.txHash, innerTxHash: e.innerTxHash });
  await appendAudit(tx, {
    actor: 'ingester',
    action: 'subscription.onchain',
    subject: id,
    data: { fundId: t.fundId, chain, txHash: e.txHash, index: e.index, units: e.units.toString(), usd: e.usd.toString(), walletId: h.walletId },
  });
  return true;
}

async function redeemed(tx: Db, t: Target, chain: string, e: Extract<CashEvent, { kind: 'cashRedemption' }>, h: Holder, logger: EngineLogger) {
  const id = newId('red');
  const instant = e.mode === 'instant';
  const [row] = await tx
    .insert(redemptions)
    .values({
      id,
      fundId: t.fundId,
      investorId: h.investorId,
      walletId: h.walletId,
      chain,
      units: e.units,
      source: instant ? 'onchain_instant' : 'onchain_request',
      txHash: e.txHash,
      eventIndex: e.index,
      status: instant ? 'paid' : 'pending_payout',
      state: instant ? 'settled' : 'pending',
      fromAddress: e.investor,
      navValue: e.nav,
      navScale: FEED_SCALE,
      usd: e.usd,
      burnedAt: sql`now()`,
      ...(instant ? { settledAt: sql`now()` } : { payoutChain: chain, payoutAddress: e.investor, payoutWalletId: h.walletId }),
    })
    .onConflictDoNothing()
    .returning();
  if (!row) {
    logger.warn({ chain, txHash: e.txHash, index: e.index }, 'on-chain redemption already booked: not applied again');
    return false;
  }
  const supply = [
    { account: supplyAccount(chain), commodity: 'units' as const, amount: -e.units },
    { account: ISSUANCE, commodity: 'units' as const, amount: e.units },
  ];
  const cash = instant
    ? [
        { account: FUND_CAPITAL, commodity: 'usd' as const, amount: e.usd },
        { account: stablecoinAccount(chain), commodity: 'usd' as const, amount: -e.usd },
      ]
    : [];
  await postEntry(tx, {
    fundId: t.fundId,
    memo: instant ? 'instant redemption paid on chain in stablecoin' : 'redemption requested on chain (burned, payout queued)',
    meta: {
      chain,
      txHash: e.txHash,
      block: e.block.toString(),
      index: e.index,
      redemptionId: id,
      amount: e.amount.toString(),
      navRound: e.navRound.toString(),
    },
    postings: [...supply, ...cash],
  });
  await movePosition(tx, t.fundId, h.walletId, -e.units);
  if (!instant) await postRedemptionOwed(tx, row);
  await appendAudit(tx, {
    actor: 'ingester',
    action: instant ? 'redemption.onchain_instant' : 'redemption.onchain_requested',
    subject: id,
    data: {
      fundId: t.fundId,
      chain,
      txHash: e.txHash,
      index: e.index,
      units: e.units.toString(),
      usd: e.usd.toString(),
      requestId: e.requestId?.toString() ?? null,
    },
  });
  return true;
}

async function movePosition(tx: Db, fundId: string, walletId: string, delta: bigint): Promise<void> {
  await tx
    .update(fundWallets)
    .set({ units: sql`${fundWallets.units} + ${delta}`, updatedAt: sql`now()` })
    .where(and(eq(fundWallets.fundId, fundId), eq(fundWallets.walletId, walletId)));
}
