import { and, eq, sql } from 'drizzle-orm';
import type { SingleOperation } from '@fiscus/core';
import { schema, type Db } from '@fiscus/ledger';

const { fundWallets } = schema;

type Recover = Extract<SingleOperation, { kind: 'recover' }>;

/**
 * Lost wallet → new wallet of the same investor (the chain moved the whole balance, the frozen
 * units and the address freeze, and registered the new wallet). The investor's position is
 * unchanged, so nothing is journaled; the cap table moves the row's standing to the new wallet
 * and marks the lost one `recovered` (no longer authorized, never usable again for this fund).
 */
export async function applyRecovery(tx: Db, fundId: string, item: Recover, ctx: Record<string, unknown>): Promise<void> {
  const fromWalletId = typeof ctx.fromWalletId === 'string' ? ctx.fromWalletId : undefined;
  const toWalletId = typeof ctx.toWalletId === 'string' ? ctx.toWalletId : undefined;
  if (!fromWalletId || !toWalletId) return;
  const row = (walletId: string) =>
    tx
      .select()
      .from(fundWallets)
      .where(and(eq(fundWallets.fundId, fundId), eq(fundWallets.walletId, walletId)))
      .for('update');
  const [lost] = await row(fromWalletId);
  const [next] = await row(toWalletId);
  const frozenUnits = lost?.frozenUnits ?? 0n;
  const status = lost?.status === 'frozen' ? 'frozen' : 'authorized';
  // The lock-up follows the units: the later subscription of the two wallets binds.
  const subscribed = [lost?.lastSubscribedAt, next?.lastSubscribedAt].filter((d): d is Date => d instanceof Date);
  const lastSubscribedAt = subscribed.length ? new Date(Math.max(...subscribed.map((d) => d.getTime()))) : null;
  if (next) {
    await tx
      .update(fundWallets)
      .set({
        status,
        units: sql`${fundWallets.units} + ${item.units}`,
        frozenUnits: sql`${fundWallets.frozenUnits} + ${frozenUnits}`,
        lastSubscribedAt,
        updatedAt: sql`now()`,
      })
      .where(and(eq(fundWallets.fundId, fundId), eq(fundWallets.walletId, toWalletId)));
  } else {
    await tx.insert(fundWallets).values({ fundId, walletId: toWalletId, status, units: item.units, frozenUnits, lastSubscribedAt });
  }
  // No clamp at 0: the cap table may lag the chain by investor transfers the event ingest has not
  // applied yet; they land on the lost wallet's row later and bring it to exactly 0.
  await tx
    .update(fundWallets)
    .set({ status: 'recovered', units: sql`${fundWallets.units} - ${item.units}`, frozenUnits: 0n, updatedAt: sql`now()` })
    .where(and(eq(fundWallets.fundId, fundId), eq(fundWallets.walletId, fromWalletId)));
}
