import { and, eq, sql } from 'drizzle-orm';
import type { SingleOperation } from '@fiscus/core';
import { schema, type Db } from '@fiscus/ledger';
import { applyRecovery } from './recovery.ts';

const { fundWallets } = schema;

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

async function update(tx: Db, fundId: string, walletId: string | undefined, set: Record<string, unknown>): Promise<void> {
  if (!walletId) return;
  await tx
    .update(fundWallets)
    .set({ ...set, updatedAt: sql`now()` })
    .where(and(eq(fundWallets.fundId, fundId), eq(fundWallets.walletId, walletId)));
}

/** The cap table the policy reads: each wallet's units and standing for the fund. */
export async function applyPositions(tx: Db, fundId: string, item: SingleOperation, ctx: Record<string, unknown>): Promise<void> {
  const walletId = str(ctx.walletId);
  switch (item.kind) {
    case 'authorize':
      return update(tx, fundId, walletId, { status: 'authorized' });
    case 'deauthorize':
      return update(tx, fundId, walletId, { status: 'deauthorized' });
    case 'freeze':
      return item.units === undefined
        ? update(tx, fundId, walletId, { status: 'frozen' })
        : update(tx, fundId, walletId, { frozenUnits: sql`${fundWallets.frozenUnits} + ${item.units}` });
    case 'unfreeze':
      return item.units === undefined
        ? update(tx, fundId, walletId, { status: 'authorized' })
        : update(tx, fundId, walletId, { frozenUnits: sql`greatest(${fundWallets.frozenUnits} - ${item.units}, 0)` });
    case 'mint':
      // A move's mint brings the investor's own units across: not a subscription (no new lock-up).
      if (typeof ctx.moveId === 'string') return update(tx, fundId, walletId, { units: sql`${fundWallets.units} + ${item.units}` });
      return update(tx, fundId, walletId, { units: sql`${fundWallets.units} + ${item.units}`, lastSubscribedAt: sql`now()` });
    case 'burn':
      return update(tx, fundId, walletId, { units: sql`${fundWallets.units} - ${item.units}` });
    case 'forceTransfer':
      await update(tx, fundId, str(ctx.fromWalletId), {
        units: sql`${fundWallets.units} - ${item.units}`,
        frozenUnits: sql`least(${fundWallets.frozenUnits}, greatest(${fundWallets.units} - ${item.units}, 0))`,
      });
      return update(tx, fundId, str(ctx.toWalletId), { units: sql`${fundWallets.units} + ${item.units}` });
    case 'recover':
      return applyRecovery(tx, fundId, item, ctx);
    case 'pause':
    case 'unpause':
      return;
  }
}

/** A wallet whose authorization never happened is marked so, rather than left pending forever. */
export async function applyWalletFailed(tx: Db, fundId: string, item: SingleOperation, ctx: Record<string, unknown>): Promise<void> {
  if (item.kind === 'authorize') await update(tx, fundId, str(ctx.walletId), { status: 'rejected' });
}
