import { newId, type ChainId } from '@fiscus/core';
import { appendAudit, cashAccount, investorAccount, postEntry, schema, type Db } from '@fiscus/ledger';
import { requestOperation } from '../request.ts';
import type { OperationRow } from '../rows.ts';
import { SUBSCRIPTION_CASH } from '../redemptions/pricing.ts';
import type { SubscriptionQuote } from './quote.ts';

const { subscriptions } = schema;
export type SubscriptionRow = typeof subscriptions.$inferSelect;

export interface RequestSubscriptionParams {
  fundId: string;
  chain: ChainId;
  address: string;
  walletId: string;
  investorId: string;
  quote: SubscriptionQuote;
  requestedBy: string;
  requiresApproval?: boolean;
}

/**
 * The mint request, the subscription row and the incoming cash (cash:subscriptions +usdIn /
 * investor:<id> −usdIn) commit together: the reserve check on the mint already sees the cash.
 * When the mint posts, its cost moves from the investor's account to fund capital.
 */
export async function requestSubscription(db: Db, p: RequestSubscriptionParams): Promise<{ subscription: SubscriptionRow; operation: OperationRow }> {
  const q = p.quote;
  return db.transaction(async (tx) => {
    const id = newId('sub');
    const operation = await requestOperation(tx, {
      fundId: p.fundId,
      chain: p.chain,
      body: { kind: 'mint', to: p.address, units: q.units },
      context: { walletId: p.walletId, investorId: p.investorId, subscriptionId: id },
      requestedBy: p.requestedBy,
      requiresApproval: p.requiresApproval,
    });
    const [subscription] = await tx
      .insert(subscriptions)
      .values({
        id,
        fundId: p.fundId,
        investorId: p.investorId,
        walletId: p.walletId,
        chain: p.chain,
        usdIn: q.usdIn,
        units: q.units,
        cost: q.cost,
        remainder: q.remainder,
        navValue: q.nav.value,
        navScale: q.nav.scale,
        rule: q.rule,
        operationId: operation.id,
        status: 'requested',
      })
      .returning();
    if (q.usdIn > 0n) {
      await postEntry(tx, {
        fundId: p.fundId,
        memo: 'subscription cash received',
        meta: { subscriptionId: id, operationId: operation.id },
        postings: [
          { account: cashAccount(SUBSCRIPTION_CASH), commodity: 'usd', amount: q.usdIn },
          { account: investorAccount(p.investorId), commodity: 'usd', amount: -q.usdIn },
        ],
      });
    }
    await appendAudit(tx, {
      actor: p.requestedBy,
      action: 'subscription.requested',
      subject: id,
      data: {
        fundId: p.fundId,
        usdIn: q.usdIn.toString(),
        units: q.units.toString(),
        remainder: q.remainder.toString(),
        rule: q.rule,
        operationId: operation.id,
      },
    });
    return { subscription: subscription!, operation };
  });
}
