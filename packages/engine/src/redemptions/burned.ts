import { and, eq, sql } from 'drizzle-orm';
import { appendAudit, getCurrentNav, schema, type Db } from '@fiscus/ledger';
import type { OperationRow } from '../rows.ts';
import { priceRedemption } from './pricing.ts';
import { postRedemptionOwed } from './postings.ts';

const { funds, redemptions } = schema;

const redemptionIdOf = (op: OperationRow) => (op.kind === 'burn' && typeof op.context.redemptionId === 'string' ? op.context.redemptionId : undefined);

/**
 * A redemption's burn posted (inside the post step's transaction): requested → pending, and the
 * USD owed is booked. The compare-and-set on state makes a replay a no-op. A redemption received
 * while the fund had no NAV yet is priced here, at the NAV current now.
 */
export async function applyRedemptionBurned(tx: Db, op: OperationRow): Promise<void> {
  const id = redemptionIdOf(op);
  if (!id) return;
  const [row] = await tx
    .update(redemptions)
    .set({ state: 'pending', burnedAt: sql`now()` })
    .where(and(eq(redemptions.id, id), eq(redemptions.state, 'requested')))
    .returning();
  if (!row) return;
  let priced = row;
  if (row.usd === null) {
    const current = await getCurrentNav(tx, row.fundId);
    const [fund] = await tx.select({ decimals: funds.decimals }).from(funds).where(eq(funds.id, row.fundId));
    if (current && fund) {
      const { usd } = priceRedemption(row.units, current.nav, fund.decimals);
      const [repriced] = await tx
        .update(redemptions)
        .set({ usd, navValue: current.nav.value, navScale: current.nav.scale, navPublishedAt: current.publishedAt })
        .where(eq(redemptions.id, id))
        .returning();
      if (repriced) priced = repriced;
    }
  }
  await postRedemptionOwed(tx, priced);
  await appendAudit(tx, { actor: 'engine', action: 'redemption.burned', subject: id, data: { operationId: op.id, usd: priced.usd?.toString() ?? null } });
}

/** The burn will never happen: the redemption is marked failed for an operator (nothing was owed yet). */
export async function applyRedemptionBurnFailed(tx: Db, op: OperationRow): Promise<void> {
  const id = redemptionIdOf(op);
  if (!id) return;
  const [row] = await tx
    .update(redemptions)
    .set({ state: 'failed' })
    .where(and(eq(redemptions.id, id), eq(redemptions.state, 'requested')))
    .returning({ id: redemptions.id });
  if (row) await appendAudit(tx, { actor: 'engine', action: 'redemption.burn_failed', subject: id, data: { operationId: op.id, error: op.lastError ?? null } });
}
