import { FiscusError, newId, type ChainId, type MicroUsd } from '@fiscus/core';
import { appendAudit, getCurrentNav, schema, type Db } from '@fiscus/ledger';
import { eq } from 'drizzle-orm';
import { payoutTargetFor } from '../settlement/chains.ts';
import { postRedemptionOwed } from './postings.ts';
import { priceRedemption, type PricedNav } from './pricing.ts';
import type { RedemptionRow } from './open.ts';

const { funds, redemptions } = schema;

export interface CashRedemptionRequest {
  fundId: string;
  /** The chain the units were redeemed on (and, by default, paid on). */
  chain: ChainId;
  investorId: string;
  walletId: string;
  /** Units already out of the holder's hands (burned or escrowed by the caller, who books that). */
  units: bigint;
  /** The on-chain request (e.g. FiscusRedemption `requestRedeem`): unique per (chain, txHash, eventIndex). */
  txHash: string;
  eventIndex: number;
  fromAddress: string;
  /** Priced by the caller (e.g. the contract at its NAV); else priced here at the NAV current now (REDEMPTION_USD_ROUND_DOWN). */
  usd?: MicroUsd;
  nav?: PricedNav;
  /** Another wallet of the same investor to be paid on (any settlement chain); default: `walletId`. */
  payToWalletId?: string;
  /** Recorded as `source`; default 'onchain_request'. */
  source?: string;
  requestedBy?: string;
}

/**
 * Queues a redemption to be paid in stablecoin (issue 12, ERC-7540 spirit): the units are gone,
 * so it enters `pending` at once with the USD owed booked (capital → investor payable); the
 * `redemptions` task pays it FIFO when the day's limit and the chain's liquidity allow — at its
 * next run when they already do. Call it inside the ingest page's transaction: the unique
 * (chain, tx_hash, event_index) makes a re-read a no-op (returns undefined).
 */
export async function enqueueCashRedemption(tx: Db, r: CashRedemptionRequest): Promise<RedemptionRow | undefined> {
  if (r.units <= 0n) throw new FiscusError('INVALID_AMOUNT', 'a redemption redeems a positive number of units');
  const priced = r.usd !== undefined ? { usd: r.usd, nav: r.nav ?? null } : await priceAtNav(tx, r.fundId, r.units);
  const target = await payoutTargetFor(tx, {
    fundId: r.fundId,
    investorId: r.investorId,
    chain: r.chain,
    walletId: r.walletId,
    payToWalletId: r.payToWalletId,
  });
  const [row] = await tx
    .insert(redemptions)
    .values({
      id: newId('red'),
      fundId: r.fundId,
      investorId: r.investorId,
      walletId: r.walletId,
      chain: r.chain,
      units: r.units,
      source: r.source ?? 'onchain_request',
      txHash: r.txHash,
      eventIndex: r.eventIndex,
      status: 'pending_payout',
      state: priced.usd === null ? 'requested' : 'pending',
      fromAddress: r.fromAddress,
      usd: priced.usd,
      navValue: priced.nav?.nav.value ?? null,
      navScale: priced.nav?.nav.scale ?? null,
      navPublishedAt: priced.nav?.publishedAt ?? null,
      burnedAt: new Date(),
      ...(target ?? {}),
    })
    .onConflictDoNothing()
    .returning();
  if (!row) return undefined;
  // No NAV yet: the settle task prices it at the first NAV (state stays 'pending' for the queue).
  if (row.state === 'requested') await tx.update(redemptions).set({ state: 'pending' }).where(eq(redemptions.id, row.id));
  else await postRedemptionOwed(tx, row);
  await appendAudit(tx, {
    actor: r.requestedBy ?? 'ingester',
    action: 'redemption.queued',
    subject: row.id,
    data: {
      fundId: r.fundId,
      chain: r.chain,
      txHash: r.txHash,
      index: r.eventIndex,
      units: r.units.toString(),
      usd: priced.usd?.toString() ?? null,
      payoutChain: target?.payoutChain ?? null,
    },
  });
  return { ...row, state: 'pending' };
}

async function priceAtNav(tx: Db, fundId: string, units: bigint): Promise<{ usd: MicroUsd | null; nav: PricedNav | null }> {
  const current = await getCurrentNav(tx, fundId);
  const [fund] = await tx.select({ decimals: funds.decimals }).from(funds).where(eq(funds.id, fundId));
  if (!fund) throw new FiscusError('NOT_FOUND', `fund ${fundId} not found`);
  if (!current) return { usd: null, nav: null };
  return { usd: priceRedemption(units, current.nav, fund.decimals).usd, nav: current };
}
