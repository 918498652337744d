import { newId, type Nav } from '@fiscus/core';
import { appendAudit, schema, type Db } from '@fiscus/ledger';

const { subscriptionQuotes } = schema;
export type SubscriptionQuoteRow = typeof subscriptionQuotes.$inferSelect;

/**
 * Records a delivery-versus-payment quote (issue 12): the units and USD at the NAV quoted, and the
 * hash of the one transaction the platform pre-signed for it. Ingest books the transaction when
 * it lands (a cashSubscription event); the row is what the platform promised and until when.
 */
export async function recordDvpQuote(
  db: Db,
  p: {
    fundId: string;
    chain: string;
    investorId: string;
    walletId: string;
    address: string;
    units: bigint;
    usd: bigint;
    nav: Nav;
    txHash: string;
    expiresAt: Date;
    by: string;
  },
): Promise<SubscriptionQuoteRow> {
  const [row] = await db
    .insert(subscriptionQuotes)
    .values({
      id: newId('quo'),
      fundId: p.fundId,
      chain: p.chain,
      investorId: p.investorId,
      walletId: p.walletId,
      address: p.address,
      units: p.units,
      usd: p.usd,
      navValue: p.nav.value,
      navScale: p.nav.scale,
      txHash: p.txHash,
      expiresAt: p.expiresAt,
      status: 'quoted',
    })
    .returning();
  await appendAudit(db, {
    actor: p.by,
    action: 'subscription.dvp_quoted',
    subject: row!.id,
    data: { fundId: p.fundId, chain: p.chain, units: p.units.toString(), usd: p.usd.toString(), txHash: p.txHash, expiresAt: p.expiresAt.toISOString() },
  });
  return row!;
}
