import { and, desc, eq, lt } from 'drizzle-orm';
import type { Nav } from '@fiscus/core';
import type { Db } from '../db.ts';
import { attestations, navPublications, navSettings } from '../schema/index.ts';

export type NavPublicationRow = typeof navPublications.$inferSelect;
export type NavSettingsRow = typeof navSettings.$inferSelect;
export type AttestationRow = typeof attestations.$inferSelect;

export const navOf = (row: NavPublicationRow): Nav => ({ value: row.navValue, scale: row.navScale });

export async function getLatestNavPublication(db: Db, p: { fundId: string }): Promise<NavPublicationRow | undefined> {
  const [row] = await db.select().from(navPublications).where(eq(navPublications.fundId, p.fundId)).orderBy(desc(navPublications.round)).limit(1);
  return row;
}

/** The fund's NAV now, or null for a fund that never had one (funds created before NAVs existed). */
export async function getCurrentNav(db: Db, fundId: string): Promise<{ nav: Nav; publishedAt: Date } | null> {
  const row = await getLatestNavPublication(db, { fundId });
  return row ? { nav: navOf(row), publishedAt: row.publishedAt } : null;
}

/** Newest first, keyset-paginated on round. */
export async function listNavPublications(db: Db, p: { fundId: string; beforeRound?: bigint; limit: number }): Promise<NavPublicationRow[]> {
  return db
    .select()
    .from(navPublications)
    .where(and(eq(navPublications.fundId, p.fundId), p.beforeRound !== undefined ? lt(navPublications.round, p.beforeRound) : undefined))
    .orderBy(desc(navPublications.round))
    .limit(p.limit);
}

/**
 * Inserts the next round, or returns undefined when another publisher took that round first
 * (the unique (fund, round) / (previous) indexes are the compare-and-set).
 */
export async function insertNavPublication(db: Db, p: typeof navPublications.$inferInsert): Promise<NavPublicationRow | undefined> {
  const [row] = await db.insert(navPublications).values(p).onConflictDoNothing().returning();
  return row;
}

export async function getNavSettings(db: Db, p: { fundId: string }): Promise<NavSettingsRow | undefined> {
  const [row] = await db.select().from(navSettings).where(eq(navSettings.fundId, p.fundId));
  return row;
}

export async function upsertNavSettings(db: Db, p: typeof navSettings.$inferInsert): Promise<NavSettingsRow> {
  const { fundId, ...rest } = p;
  const [row] = await db
    .insert(navSettings)
    .values(p)
    .onConflictDoUpdate({ target: navSettings.fundId, set: { ...rest, updatedAt: new Date() } })
    .returning();
  return row!;
}

export async function insertAttestation(db: Db, p: typeof attestations.$inferInsert): Promise<AttestationRow> {
  const [row] = await db.insert(attestations).values(p).returning();
  return row!;
}

export async function getLatestAttestation(db: Db, p: { fundId: string }): Promise<AttestationRow | undefined> {
  const [row] = await db
    .select()
    .from(attestations)
    .where(eq(attestations.fundId, p.fundId))
    .orderBy(desc(attestations.createdAt), desc(attestations.id))
    .limit(1);
  return row;
}
