import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { l1Provisions } from '../schema/index.ts';

export type L1ProvisionRow = typeof l1Provisions.$inferSelect;

/** Inserts a new provisioning; null when its id or EVM chain id is already taken (the caller reports a conflict). */
export async function insertL1Provision(db: Db, p: { id: string; evmChainId: number; config: unknown; createdBy: string }): Promise<L1ProvisionRow | null> {
  const [row] = await db
    .insert(l1Provisions)
    .values({ id: p.id, evmChainId: p.evmChainId, step: 'createSubnet', config: p.config, createdBy: p.createdBy })
    .onConflictDoNothing()
    .returning();
  return row ?? null;
}

export async function getL1Provision(db: Db, id: string): Promise<L1ProvisionRow | undefined> {
  const [row] = await db.select().from(l1Provisions).where(eq(l1Provisions.id, id));
  return row;
}

export async function getL1ProvisionByChainId(db: Db, evmChainId: number): Promise<L1ProvisionRow | undefined> {
  const [row] = await db.select().from(l1Provisions).where(eq(l1Provisions.evmChainId, evmChainId));
  return row;
}

/**
 * Stores the provisioning record (and its lookup columns) as one row update, compare-and-set on
 * the record's version: false when the stored record is not at `version - 1` (another runner saved first).
 */
export async function saveL1ProvisionRecord(
  db: Db,
  p: { id: string; record: { version: number; step: string; subnetId?: string; blockchainId?: string; conversionId?: string; error?: string } },
): Promise<boolean> {
  const r = p.record;
  const rows = await db
    .update(l1Provisions)
    .set({
      record: r,
      step: r.step,
      subnetId: r.subnetId ?? null,
      blockchainId: r.blockchainId ?? null,
      conversionId: r.conversionId ?? null,
      error: r.error ?? null,
      updatedAt: sql`now()`,
    })
    .where(and(eq(l1Provisions.id, p.id), sql`coalesce((${l1Provisions.record}->>'version')::int, 0) = ${r.version - 1}`))
    .returning({ id: l1Provisions.id });
  return rows.length === 1;
}

/** Provisionings not finished yet (a worker or the next start resumes them). */
export async function listUnfinishedL1Provisions(db: Db): Promise<L1ProvisionRow[]> {
  return db.select().from(l1Provisions).where(sql`${l1Provisions.step} not in ('done', 'failed')`);
}
