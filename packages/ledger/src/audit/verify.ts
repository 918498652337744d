import { asc, eq, gte } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { auditLog } from '../schema/index.ts';
import { GENESIS_HASH, auditHash } from './hash.ts';

export interface VerifyAuditChainParameters {
  /** Start here (trusting row fromSeq − 1's stored hash); default 1 = the whole chain. */
  fromSeq?: bigint;
  /** Rows read per query; the chain is streamed, never loaded whole. */
  pageSize?: number;
}

export type VerifyAuditChainReturnType = { ok: true; count: number; head: string } | { ok: false; count: number; brokenAt: bigint; reason: string };

/**
 * Recompute every hash and link. Reports the first seq that is wrong: a missing row (gap), a
 * prev_hash that does not link, or content that no longer matches its hash. `count` is the
 * number of rows verified before the break.
 */
export async function verifyAuditChain(db: Db, p: VerifyAuditChainParameters = {}): Promise<VerifyAuditChainReturnType> {
  const pageSize = p.pageSize ?? 1000;
  let expected = p.fromSeq && p.fromSeq > 1n ? p.fromSeq : 1n;
  let prevHash = GENESIS_HASH;
  if (expected > 1n) {
    const [before] = await db
      .select({ hash: auditLog.hash })
      .from(auditLog)
      .where(eq(auditLog.seq, expected - 1n));
    if (!before) return { ok: false, count: 0, brokenAt: expected - 1n, reason: `row ${expected - 1n} is missing` };
    prevHash = before.hash;
  }
  let count = 0;
  for (;;) {
    const page = await db.select().from(auditLog).where(gte(auditLog.seq, expected)).orderBy(asc(auditLog.seq)).limit(pageSize);
    for (const row of page) {
      const broken = (reason: string) => ({ ok: false as const, count, brokenAt: expected, reason });
      if (row.seq !== expected) return broken(`row ${expected} is missing (next row is ${row.seq})`);
      if (row.prevHash !== prevHash) return broken(`prev_hash does not match the hash of row ${expected - 1n}`);
      if (auditHash(prevHash, row) !== row.hash) return broken('content does not match its hash');
      prevHash = row.hash;
      expected += 1n;
      count += 1;
    }
    if (page.length < pageSize) return { ok: true, count, head: prevHash };
  }
}
