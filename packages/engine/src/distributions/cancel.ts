import { and, eq, sql } from 'drizzle-orm';
import { FiscusError } from '@fiscus/core';
import { appendAudit, schema, type Db } from '@fiscus/ledger';
import type { DistributionRow } from './request.ts';

const { distributions } = schema;

/**
 * pending → cancelled. A distribution is planned (allocations written, mints queued for signing)
 * in one transaction at its record time, so `pending` is exactly "nothing written, nothing
 * signed": it can be cancelled. From `minting` on, mints may be signed: 409. Idempotent: a
 * cancelled distribution is returned as is (audited once). The row lock orders a cancel and a
 * concurrent planning: whichever commits first wins, the other sees the new state.
 */
export async function cancelDistribution(db: Db, p: { fundId: string; id: string; by: string; reason?: string }): Promise<DistributionRow> {
  return db.transaction(async (tx) => {
    const [d] = await tx
      .select()
      .from(distributions)
      .where(and(eq(distributions.id, p.id), eq(distributions.fundId, p.fundId)))
      .for('update');
    if (!d) throw new FiscusError('NOT_FOUND', `distribution ${p.id} not found`, { meta: { distributionId: p.id } });
    if (d.state === 'cancelled') return d;
    if (d.state !== 'pending') {
      throw new FiscusError('CONFLICT', `distribution ${p.id} is ${d.state}: only a pending distribution (nothing planned or signed yet) can be cancelled`, {
        meta: { distributionId: p.id, state: d.state },
      });
    }
    const [row] = await tx
      .update(distributions)
      .set({ state: 'cancelled', completedAt: sql`now()`, updatedAt: sql`now()` })
      .where(eq(distributions.id, p.id))
      .returning();
    await appendAudit(tx, { actor: p.by, action: 'distribution.cancelled', subject: p.id, data: { fundId: p.fundId, reason: p.reason ?? null } });
    return row!;
  });
}
