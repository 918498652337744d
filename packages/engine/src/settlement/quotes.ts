import { and, eq, inArray } from 'drizzle-orm';
import { FiscusError, newId, type Nav } from '@fiscus/core';
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

export type QuoteStatus = 'quoted' | 'settled' | 'expired';

/**
 * What became of a quote: `settled` once the ingest booked its transaction; `expired` once its
 * time bound passed unsettled (the ledger refuses the transaction then: tx_too_late); else `quoted`.
 */
export function quoteStatus(row: Pick<SubscriptionQuoteRow, 'status' | 'expiresAt'>, now: Date): QuoteStatus {
  if (row.status === 'settled') return 'settled';
  return row.expiresAt.getTime() <= now.getTime() ? 'expired' : 'quoted';
}

export async function getDvpQuote(db: Db, fundId: string, quoteId: string): Promise<SubscriptionQuoteRow> {
  const [row] = await db
    .select()
    .from(subscriptionQuotes)
    .where(and(eq(subscriptionQuotes.id, quoteId), eq(subscriptionQuotes.fundId, fundId)));
  if (!row) throw new FiscusError('NOT_FOUND', `quote ${quoteId} not found in fund ${fundId}`);
  return row;
}

/** Called by the ingest in the transaction that books the subscription: the quote this transaction answered is settled. */
export async function settleDvpQuote(tx: Db, p: { fundId: string; chain: string; txHash: string; innerTxHash?: string }): Promise<void> {
  await tx
    .update(subscriptionQuotes)
    .set({ status: 'settled', settledAt: new Date(), updatedAt: new Date() })
    .where(
      and(
        eq(subscriptionQuotes.fundId, p.fundId),
        eq(subscriptionQuotes.chain, p.chain),
        // A fee bump's own hash, or the inner transaction's: the one the quote pre-signed.
        inArray(subscriptionQuotes.txHash, p.innerTxHash ? [p.txHash, p.innerTxHash] : [p.txHash]),
        eq(subscriptionQuotes.status, 'quoted'),
      ),
    );
}
