import { and, eq, sql } from 'drizzle-orm';
import { FiscusError, formatUsd, newId, type ChainId } from '@fiscus/core';
import { appendAudit, getCurrentNav, schema, type Db } from '@fiscus/ledger';
import { requestOperation } from '../request.ts';
import type { OperationRow } from '../rows.ts';
import { priceRedemption, type PricedNav } from './pricing.ts';
import { getRedemptionRules } from './settings.ts';
import { postRedemptionOwed } from './postings.ts';
import { payoutTargetFor } from '../settlement/chains.ts';

const { funds, fundWallets, redemptions } = schema;
export type RedemptionRow = typeof redemptions.$inferSelect;

async function fundDecimals(db: Db, fundId: string): Promise<number> {
  const [f] = await db.select({ decimals: funds.decimals }).from(funds).where(eq(funds.id, fundId));
  if (!f) throw new FiscusError('NOT_FOUND', `fund ${fundId} not found`);
  return f.decimals;
}

interface Priced {
  nav: PricedNav | null;
  usd: bigint | null;
  belowMinimum: boolean;
  minRedemptionUsd: bigint;
}

/** Prices units at the NAV current now (REDEMPTION_USD_ROUND_DOWN) and checks the fund's minimum. */
async function priceNow(db: Db, fundId: string, units: bigint, nav?: PricedNav | null): Promise<Priced> {
  const rules = await getRedemptionRules(db, fundId);
  const current = nav === undefined ? await getCurrentNav(db, fundId) : nav;
  if (!current) return { nav: null, usd: null, belowMinimum: false, minRedemptionUsd: rules.minRedemptionUsd };
  const { usd } = priceRedemption(units, current.nav, await fundDecimals(db, fundId));
  return { nav: current, usd, belowMinimum: usd < rules.minRedemptionUsd, minRedemptionUsd: rules.minRedemptionUsd };
}

const navColumns = (p: Priced) => ({
  navValue: p.nav?.nav.value ?? null,
  navScale: p.nav?.nav.scale ?? null,
  navPublishedAt: p.nav?.publishedAt ?? null,
  usd: p.usd,
});

export interface TransferRedemption {
  fundId: string;
  chain: ChainId;
  txHash: string;
  /** The transfer's index (ChainEvent.index): one transaction may carry several transfers. */
  eventIndex: number;
  units: bigint;
  fromAddress: string;
  redemptionAddress: string;
  investorId: string;
  walletId: string;
}

/**
 * An investor sent units to the deployment's redemptionAddress (seen by ingest, inside the page's
 * transaction). Opens the redemption priced at the NAV current now, moves the investor's position
 * out, and requests `burn { from: redemptionAddress }` carrying context.redemptionId. All of it
 * commits with the ingest cursor; the (chain, tx_hash, event_index) unique index makes it happen
 * once per transfer, and a second transfer in the same transaction is a second redemption.
 * Below the fund's minimum it is recorded `rejected_min_size` and nothing is burned: the units
 * wait at the redemption address for an operator (return them with a forced transfer, or accept).
 */
export async function openTransferRedemption(tx: Db, r: TransferRedemption): Promise<RedemptionRow | undefined> {
  const priced = await priceNow(tx, r.fundId, r.units);
  const target = await payoutTargetFor(tx, { fundId: r.fundId, investorId: r.investorId, chain: r.chain, walletId: r.walletId });
  const state = priced.belowMinimum ? 'rejected_min_size' : 'requested';
  const [row] = await tx
    .insert(redemptions)
    .values({
      id: newId('red'),
      fundId: r.fundId,
      investorId: r.investorId,
      walletId: r.walletId,
      chain: r.chain,
      units: r.units,
      source: 'onchain_transfer',
      txHash: r.txHash,
      eventIndex: r.eventIndex,
      status: 'pending_payout',
      state,
      fromAddress: r.fromAddress,
      ...navColumns(priced),
      ...(target ?? {}),
    })
    .onConflictDoNothing()
    .returning();
  if (!row) return undefined;
  await tx
    .update(fundWallets)
    .set({ units: sql`${fundWallets.units} - ${r.units}`, updatedAt: sql`now()` })
    .where(and(eq(fundWallets.fundId, r.fundId), eq(fundWallets.walletId, r.walletId)));
  const audit = {
    fundId: r.fundId,
    chain: r.chain,
    txHash: r.txHash,
    index: r.eventIndex,
    units: r.units.toString(),
    usd: priced.usd?.toString() ?? null,
    walletId: r.walletId,
  };
  if (state === 'rejected_min_size') {
    await appendAudit(tx, {
      actor: 'ingester',
      action: 'redemption.rejected_min_size',
      subject: row.id,
      data: { ...audit, minimumUsd: formatUsd(priced.minRedemptionUsd) },
    });
    return row;
  }
  const burn = await requestOperation(tx, {
    fundId: r.fundId,
    chain: r.chain,
    body: { kind: 'burn', from: r.redemptionAddress, units: r.units },
    context: { redemptionId: row.id },
    requestedBy: 'ingester',
  });
  const [updated] = await tx.update(redemptions).set({ burnOperationId: burn.id }).where(eq(redemptions.id, row.id)).returning();
  await appendAudit(tx, { actor: 'ingester', action: 'redemption.onchain_transfer', subject: row.id, data: { ...audit, burnOperationId: burn.id } });
  return updated;
}

/**
 * A holder burn recorded by ingest (units already gone): price it at the NAV current now and
 * either queue it (`pending`, USD owed to the investor) or set it aside (`rejected_min_size`
 * below the minimum; `unmatched` when the sender is no known investor), both for manual handling.
 */
export async function priceHolderBurn(tx: Db, redemptionId: string): Promise<void> {
  const [row] = await tx.select().from(redemptions).where(eq(redemptions.id, redemptionId));
  if (!row) return;
  const priced = await priceNow(tx, row.fundId, row.units);
  const state = !row.investorId ? 'unmatched' : priced.belowMinimum ? 'rejected_min_size' : 'pending';
  const [updated] = await tx
    .update(redemptions)
    .set({ ...navColumns(priced), state, burnedAt: sql`now()` })
    .where(eq(redemptions.id, redemptionId))
    .returning();
  if (state === 'pending') await postRedemptionOwed(tx, updated!);
  else
    await appendAudit(tx, {
      actor: 'ingester',
      action: `redemption.${state}`,
      subject: row.id,
      data: { fundId: row.fundId, txHash: row.txHash, usd: priced.usd?.toString() ?? null },
    });
}

export interface ApiRedemption {
  fundId: string;
  chain: ChainId;
  address: string;
  units: bigint;
  investorId: string;
  walletId: string;
  requestedBy: string;
  nav: PricedNav;
  /** Paid in stablecoin to this wallet of the investor (issue 12); default: its redeeming wallet on a settlement chain, else by wire. */
  payToWalletId?: string;
}

/** Through the API: refused below the minimum; otherwise the row and its agent burn commit together. */
export async function requestRedemption(db: Db, r: ApiRedemption): Promise<{ redemption: RedemptionRow; operation: OperationRow }> {
  const priced = await priceNow(db, r.fundId, r.units, r.nav);
  if (priced.belowMinimum) {
    throw new FiscusError(
      'BELOW_MINIMUM',
      `redemption of ${formatUsd(priced.usd!)} USD is below the fund minimum of ${formatUsd(priced.minRedemptionUsd)} USD`,
      {
        meta: { usd: formatUsd(priced.usd!), minimumUsd: formatUsd(priced.minRedemptionUsd) },
      },
    );
  }
  const target = await payoutTargetFor(db, {
    fundId: r.fundId,
    investorId: r.investorId,
    chain: r.chain,
    walletId: r.walletId,
    payToWalletId: r.payToWalletId,
  });
  return db.transaction(async (tx) => {
    const id = newId('red');
    const operation = await requestOperation(tx, {
      fundId: r.fundId,
      chain: r.chain,
      body: { kind: 'burn', from: r.address, units: r.units },
      context: { walletId: r.walletId, investorId: r.investorId, redemptionId: id },
      requestedBy: r.requestedBy,
    });
    const [redemption] = await tx
      .insert(redemptions)
      .values({
        id,
        fundId: r.fundId,
        investorId: r.investorId,
        walletId: r.walletId,
        chain: r.chain,
        units: r.units,
        source: 'api',
        status: 'pending_payout',
        state: 'requested',
        fromAddress: r.address,
        burnOperationId: operation.id,
        ...navColumns(priced),
        ...(target ?? {}),
      })
      .returning();
    await appendAudit(tx, {
      actor: r.requestedBy,
      action: 'redemption.requested',
      subject: id,
      data: { fundId: r.fundId, units: r.units.toString(), usd: priced.usd!.toString(), operationId: operation.id },
    });
    return { redemption: redemption!, operation };
  });
}
