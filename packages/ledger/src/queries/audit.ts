import { asc, gt } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { auditLog } from '../schema/index.ts';

export type AuditRow = typeof auditLog.$inferSelect;

/** Audit rows in chain order after `afterSeq` (exclusive). */
export async function listAudit(db: Db, p: { afterSeq?: bigint; limit: number }): Promise<AuditRow[]> {
  return db
    .select()
    .from(auditLog)
    .where(p.afterSeq !== undefined ? gt(auditLog.seq, p.afterSeq) : undefined)
    .orderBy(asc(auditLog.seq))
    .limit(p.limit);
}
