import { and, eq } from 'drizzle-orm';
import { FiscusError, type ChainId } from '@fiscus/core';
import { appendAudit, schema, type Db } from '@fiscus/ledger';

const { settlementChains, wallets } = schema;
export type SettlementChainRow = typeof settlementChains.$inferSelect;

/** Declares (or updates) a chain on which the fund pays and takes its stablecoin. */
export async function enableSettlementChain(
  db: Db,
  p: { fundId: string; chain: ChainId; treasuryAddress?: string | null; by: string },
): Promise<SettlementChainRow> {
  const [row] = await db
    .insert(settlementChains)
    .values({ fundId: p.fundId, chain: p.chain, treasuryAddress: p.treasuryAddress ?? null })
    .onConflictDoUpdate({
      target: [settlementChains.fundId, settlementChains.chain],
      set: { treasuryAddress: p.treasuryAddress ?? null, updatedAt: new Date() },
    })
    .returning();
  await appendAudit(db, {
    actor: p.by,
    action: 'settlement.chain_enabled',
    subject: p.fundId,
    data: { chain: p.chain, treasuryAddress: p.treasuryAddress ?? null },
  });
  return row!;
}

export async function getSettlementChain(db: Db, fundId: string, chain: string): Promise<SettlementChainRow | undefined> {
  const [row] = await db
    .select()
    .from(settlementChains)
    .where(and(eq(settlementChains.fundId, fundId), eq(settlementChains.chain, chain)));
  return row;
}

export async function listSettlementChains(db: Db, fundId: string): Promise<SettlementChainRow[]> {
  return db.select().from(settlementChains).where(eq(settlementChains.fundId, fundId)).orderBy(settlementChains.chain);
}

/** A stablecoin drift blocks payouts on that chain (set by the reconciler; a clean run lifts it). */
export async function setPayoutsBlocked(db: Db, p: { fundId: string; chain: string; blocked: boolean; reason?: string | null; by: string }): Promise<void> {
  const [row] = await db
    .update(settlementChains)
    .set({ payoutsBlocked: p.blocked, blockedReason: p.blocked ? (p.reason ?? 'stablecoin drift') : null, updatedAt: new Date() })
    .where(and(eq(settlementChains.fundId, p.fundId), eq(settlementChains.chain, p.chain), eq(settlementChains.payoutsBlocked, !p.blocked)))
    .returning();
  if (row) {
    await appendAudit(db, {
      actor: p.by,
      action: p.blocked ? 'settlement.payouts_blocked' : 'settlement.payouts_unblocked',
      subject: p.fundId,
      data: { chain: p.chain, reason: p.reason ?? null },
    });
  }
}

export interface PayoutTarget {
  payoutChain: string;
  payoutAddress: string;
  payoutWalletId: string;
}

/**
 * Where a redemption is paid in stablecoin: the investor's chosen wallet (any of its own, on a
 * settlement chain), else the wallet it redeemed from when that chain is a settlement chain,
 * else nothing (paid by bank wire, as before issue 12).
 */
export async function payoutTargetFor(
  db: Db,
  p: { fundId: string; investorId: string | null; chain: string; walletId: string | null; payToWalletId?: string | null },
): Promise<PayoutTarget | null> {
  if (p.payToWalletId) return chosenWallet(db, { fundId: p.fundId, investorId: p.investorId, walletId: p.payToWalletId });
  if (!p.walletId || !(await getSettlementChain(db, p.fundId, p.chain))) return null;
  const [w] = await db.select().from(wallets).where(eq(wallets.id, p.walletId));
  return w ? { payoutChain: w.chain, payoutAddress: w.address, payoutWalletId: w.id } : null;
}

/** One of the investor's own wallets on a settlement chain of the fund, or a 4xx saying why not. */
export async function chosenWallet(db: Db, p: { fundId: string; investorId: string | null; walletId: string }): Promise<PayoutTarget> {
  const [w] = await db.select().from(wallets).where(eq(wallets.id, p.walletId));
  if (!w || w.investorId !== p.investorId) {
    throw new FiscusError('VALIDATION_FAILED', `wallet ${p.walletId} is not a wallet of this investor`, { meta: { walletId: p.walletId } });
  }
  if (!(await getSettlementChain(db, p.fundId, w.chain))) {
    throw new FiscusError('CAPABILITY_UNSUPPORTED', `the fund does not settle in stablecoin on ${w.chain}`, { meta: { chain: w.chain } });
  }
  return { payoutChain: w.chain, payoutAddress: w.address, payoutWalletId: w.id };
}

export async function listSettlementChainsAll(db: Db): Promise<SettlementChainRow[]> {
  return db.select().from(settlementChains).orderBy(settlementChains.fundId, settlementChains.chain);
}
