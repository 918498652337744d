import { and, eq, sql } from 'drizzle-orm';
import { FiscusError, type ChainId } from '@fiscus/core';
import { appendAudit, schema, type Db } from '@fiscus/ledger';
import { requestOperation } from '../request.ts';
import type { RedemptionRow } from './open.ts';
import { postRedemptionOwed } from './postings.ts';

const { deployments, redemptions } = schema;

/**
 * An operator accepts an on-chain redemption set aside below the fund minimum: one sent to the
 * redemption address gets its burn requested now (→ requested); a holder burn (units already
 * gone) is owed now (→ pending). Compare-and-set on the state: accepting twice is a CONFLICT.
 */
export async function acceptRedemption(db: Db, p: { fundId: string; redemptionId: string; by: string }): Promise<RedemptionRow> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(redemptions)
      .where(and(eq(redemptions.id, p.redemptionId), eq(redemptions.fundId, p.fundId)))
      .for('update');
    if (!row) throw new FiscusError('NOT_FOUND', `redemption ${p.redemptionId} not found`);
    if (row.state !== 'rejected_min_size')
      throw new FiscusError('CONFLICT', `redemption ${p.redemptionId} is ${row.state}, not rejected_min_size`, { meta: { state: row.state } });
    let updated: RedemptionRow | undefined;
    if (row.source === 'onchain_transfer') {
      const [dep] = await tx
        .select()
        .from(deployments)
        .where(and(eq(deployments.fundId, p.fundId), eq(deployments.chain, row.chain)));
      const from = dep?.details?.redemptionAddress;
      if (!from) throw new FiscusError('NOT_DEPLOYED', `no redemption address on ${row.chain}`);
      const burn = await requestOperation(tx, {
        fundId: p.fundId,
        chain: row.chain as ChainId,
        body: { kind: 'burn', from, units: row.units },
        context: { redemptionId: row.id },
        requestedBy: p.by,
      });
      [updated] = await tx.update(redemptions).set({ state: 'requested', burnOperationId: burn.id }).where(eq(redemptions.id, row.id)).returning();
    } else {
      [updated] = await tx
        .update(redemptions)
        .set({ state: 'pending', burnedAt: sql`coalesce(${redemptions.burnedAt}, now())` })
        .where(eq(redemptions.id, row.id))
        .returning();
      await postRedemptionOwed(tx, updated!);
    }
    await appendAudit(tx, { actor: p.by, action: 'redemption.accepted', subject: row.id, data: { fundId: p.fundId, state: updated!.state } });
    return updated!;
  });
}
