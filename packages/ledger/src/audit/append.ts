import { desc, sql } from 'drizzle-orm';
import { FiscusError } from '@fiscus/core';
import { inTransaction, type Db } from '../db.ts';
import { auditLog } from '../schema/index.ts';
import { mapLedgerError } from '../journal/errors.ts';
import { GENESIS_HASH, auditHash, normaliseData } from './hash.ts';

/** Advisory-lock key serialising audit appends ('fiscaudt' as int8): one chain head at a time. */
export const AUDIT_LOCK_KEY = 0x6669736361756474n;

export interface AppendAuditParameters {
  actor: string;
  action: string;
  subject: string;
  data?: Record<string, unknown>;
  /** Defaults to now; JS Dates carry milliseconds, which is what the column keeps. */
  at?: Date;
}

export interface AppendAuditReturnType {
  seq: bigint;
  hash: string;
}

/**
 * Append one hash-chained row. The hash covers seq, so seq must be known before the insert:
 * take the head under a transaction-scoped advisory lock (released at COMMIT, so two writers never
 * read the same head), then insert seq = head + 1 explicitly. Inside a caller's transaction the
 * lock is held until that transaction ends: keep such transactions short.
 */
export async function appendAudit(db: Db, e: AppendAuditParameters): Promise<AppendAuditReturnType> {
  const [appended] = await appendAudits(db, [e]);
  return appended!;
}

/**
 * Append several rows in order, chained to each other: one lock, one read of the head and one
 * insert for all of them (a batch of postings records each operation without paying the
 * append's three round trips per record).
 */
export async function appendAudits(db: Db, entries: readonly AppendAuditParameters[]): Promise<AppendAuditReturnType[]> {
  if (entries.length === 0) return [];
  const records = entries.map((e) => {
    const at = e.at ?? new Date();
    if (Number.isNaN(at.getTime())) throw new FiscusError('VALIDATION_FAILED', 'Audit timestamp is not a valid date');
    return { at, actor: e.actor, action: e.action, subject: e.subject, data: normaliseData(e.data) };
  });
  const append = async (tx: Db): Promise<AppendAuditReturnType[]> => {
    await tx.execute(sql`select pg_advisory_xact_lock(${sql.raw(AUDIT_LOCK_KEY.toString())})`);
    const [head] = await tx.select({ seq: auditLog.seq, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
    let seq = head?.seq ?? 0n;
    let prevHash = head?.hash ?? GENESIS_HASH;
    const rows = records.map((r) => {
      seq += 1n;
      const hash = auditHash(prevHash, { seq, ...r });
      const row = { seq, ...r, prevHash, hash };
      prevHash = hash;
      return row;
    });
    await tx.insert(auditLog).values(rows);
    return rows.map(({ seq, hash }) => ({ seq, hash }));
  };
  try {
    // In the caller's transaction the lock lasts until its commit either way: no savepoint (two round trips) needed.
    return await (inTransaction(db) ? append(db) : db.transaction(append));
  } catch (err) {
    throw mapLedgerError(err);
  }
}
