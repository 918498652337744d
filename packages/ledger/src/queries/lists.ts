import { and, desc, eq, gte, ilike, lte, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../db.ts';
import { attestations, distributions, investors, redemptionPayouts } from '../schema/index.ts';
import type { AttestationRow } from './nav.ts';
import type { InvestorRow } from './investors.ts';

/**
 * The list reads behind the API's paginated routes: newest first, keyset-paginated on
 * (created_at, id) after the row whose id is the cursor, so a page stays stable while rows are
 * added (an offset would shift). An unknown cursor yields an empty page.
 */
function after(table: PgTable, createdAt: AnyColumn, id: AnyColumn, cursor: string | undefined): SQL | undefined {
  if (cursor === undefined) return undefined;
  return sql`(${createdAt}, ${id}) < (select c.created_at, c.id from ${table} c where c.id = ${cursor})`;
}

export interface InvestorFilter {
  kycStatus?: string;
  jurisdiction?: string;
  investorType?: string;
  /** KYC expiring on or before this instant (verified investors whose KYC lapses soon). */
  kycExpiresBefore?: Date;
  /** Case-insensitive substring of the legal name, or an exact id. */
  q?: string;
  /** An investor key sees itself only. */
  onlyId?: string;
}

export async function listInvestors(db: Db, p: InvestorFilter & { cursor?: string; limit: number }): Promise<InvestorRow[]> {
  const like = p.q === undefined ? undefined : `%${p.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
  return db
    .select()
    .from(investors)
    .where(
      and(
        p.kycStatus ? eq(investors.kycStatus, p.kycStatus) : undefined,
        p.jurisdiction ? eq(investors.jurisdiction, p.jurisdiction) : undefined,
        p.investorType ? eq(investors.investorType, p.investorType) : undefined,
        p.kycExpiresBefore ? lte(investors.kycExpiresAt, p.kycExpiresBefore) : undefined,
        like ? or(ilike(investors.legalName, like), eq(investors.id, p.q!)) : undefined,
        p.onlyId !== undefined ? eq(investors.id, p.onlyId) : undefined,
        after(investors, investors.createdAt, investors.id, p.cursor),
      ),
    )
    .orderBy(desc(investors.createdAt), desc(investors.id))
    .limit(p.limit);
}

export async function listAttestations(db: Db, p: { fundId: string; cursor?: string; limit: number; since?: Date }): Promise<AttestationRow[]> {
  return db
    .select()
    .from(attestations)
    .where(
      and(
        eq(attestations.fundId, p.fundId),
        p.since ? gte(attestations.createdAt, p.since) : undefined,
        after(attestations, attestations.createdAt, attestations.id, p.cursor),
      ),
    )
    .orderBy(desc(attestations.createdAt), desc(attestations.id))
    .limit(p.limit);
}

type DistributionRow = typeof distributions.$inferSelect;

export async function listDistributions(db: Db, p: { fundId: string; state?: string; cursor?: string; limit: number }): Promise<DistributionRow[]> {
  return db
    .select()
    .from(distributions)
    .where(
      and(
        eq(distributions.fundId, p.fundId),
        p.state ? eq(distributions.state, p.state) : undefined,
        after(distributions, distributions.createdAt, distributions.id, p.cursor),
      ),
    )
    .orderBy(desc(distributions.createdAt), desc(distributions.id))
    .limit(p.limit);
}

type PayoutRow = typeof redemptionPayouts.$inferSelect;

export async function listPayouts(db: Db, p: { fundId: string; status?: string; investorId?: string; cursor?: string; limit: number }): Promise<PayoutRow[]> {
  return db
    .select()
    .from(redemptionPayouts)
    .where(
      and(
        eq(redemptionPayouts.fundId, p.fundId),
        p.status ? eq(redemptionPayouts.status, p.status) : undefined,
        p.investorId !== undefined ? eq(redemptionPayouts.investorId, p.investorId) : undefined,
        after(redemptionPayouts, redemptionPayouts.createdAt, redemptionPayouts.id, p.cursor),
      ),
    )
    .orderBy(desc(redemptionPayouts.createdAt), desc(redemptionPayouts.id))
    .limit(p.limit);
}
