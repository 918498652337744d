import { and, eq, sql } from 'drizzle-orm';
import { appendAudit, investorAccount, postEntry, schema, type Db } from '@fiscus/ledger';
import type { OperationRow } from '../rows.ts';
import { FUND_CAPITAL } from '../redemptions/pricing.ts';

const { subscriptions } = schema;

const subscriptionIdOf = (op: OperationRow) => (op.kind === 'mint' && typeof op.context.subscriptionId === 'string' ? op.context.subscriptionId : undefined);

/** The mint posted: requested → minted, and the units' cost moves from the investor to capital. */
export async function applySubscriptionMinted(tx: Db, op: OperationRow): Promise<void> {
  const id = subscriptionIdOf(op);
  if (!id) return;
  const [row] = await tx
    .update(subscriptions)
    .set({ status: 'minted', updatedAt: sql`now()` })
    .where(and(eq(subscriptions.id, id), eq(subscriptions.status, 'requested')))
    .returning();
  if (!row || row.cost === 0n) return;
  await postEntry(tx, {
    fundId: row.fundId,
    memo: 'subscription settled at NAV',
    meta: { subscriptionId: id, operationId: op.id, units: row.units.toString(), rule: row.rule },
    postings: [
      { account: investorAccount(row.investorId), commodity: 'usd', amount: row.cost },
      { account: FUND_CAPITAL, commodity: 'usd', amount: -row.cost },
    ],
  });
}

/** The mint will never happen: the cash stays owed to the investor (a refund for an operator). */
export async function applySubscriptionFailed(tx: Db, op: OperationRow): Promise<void> {
  const id = subscriptionIdOf(op);
  if (!id) return;
  const [row] = await tx
    .update(subscriptions)
    .set({ status: 'failed', updatedAt: sql`now()` })
    .where(and(eq(subscriptions.id, id), eq(subscriptions.status, 'requested')))
    .returning({ id: subscriptions.id });
  if (row) await appendAudit(tx, { actor: 'engine', action: 'subscription.mint_failed', subject: id, data: { operationId: op.id } });
}
