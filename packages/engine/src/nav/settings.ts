import { FiscusError, assertNav, newId, type Nav } from '@fiscus/core';
import { getNavSettings, insertNavPublication, upsertNavSettings, type Db, type NavSettingsRow } from '@fiscus/ledger';

export interface NavGuards {
  /** Largest move of one update, in basis points of the previous NAV. */
  maxMoveBps: number;
  /** Minimum seconds between two publications. */
  minIntervalSeconds: number;
  /** A NAV older than this refuses subscriptions and redemptions (NAV_STALE). */
  staleAfterSeconds: number;
  /** Mints must leave reserves ≥ outstanding × NAV (RESERVES_SHORT). */
  enforceReserves: boolean;
}

/**
 * A money-market fund's NAV moves a few basis points a day, so 2 % in one update is already a
 * fat-finger; a NAV older than a long weekend must not price a subscription. The interval is 0 by
 * default so back-office corrections are possible; set it per fund in production.
 */
export const DEFAULT_NAV_GUARDS: NavGuards = {
  maxMoveBps: 200,
  minIntervalSeconds: 0,
  staleAfterSeconds: 4 * 24 * 3600,
  enforceReserves: false,
};

/** $1.000000: what a newly created fund is worth per unit unless told otherwise. */
export const DEFAULT_INITIAL_NAV: Nav = { value: 1_000_000n, scale: 6 };

export function assertGuards(g: NavGuards): void {
  const ok = (n: number, max: number) => Number.isInteger(n) && n >= 0 && n <= max;
  if (
    !ok(g.maxMoveBps, 10_000) ||
    g.maxMoveBps === 0 ||
    !ok(g.minIntervalSeconds, 366 * 86400) ||
    !ok(g.staleAfterSeconds, 366 * 86400) ||
    g.staleAfterSeconds === 0
  ) {
    throw new FiscusError('VALIDATION_FAILED', 'NAV guards: maxMoveBps 1..10000, minIntervalSeconds 0..1 year, staleAfterSeconds 1s..1 year', {
      meta: { ...g },
    });
  }
}

export async function guardsFor(db: Db, fundId: string): Promise<NavGuards> {
  const row = await getNavSettings(db, { fundId });
  return row ? toGuards(row) : DEFAULT_NAV_GUARDS;
}

export const toGuards = (r: NavSettingsRow): NavGuards => ({
  maxMoveBps: r.maxMoveBps,
  minIntervalSeconds: r.minIntervalSeconds,
  staleAfterSeconds: r.staleAfterSeconds,
  enforceReserves: r.enforceReserves,
});

export async function setNavGuards(db: Db, fundId: string, g: NavGuards): Promise<NavGuards> {
  assertGuards(g);
  return toGuards(await upsertNavSettings(db, { fundId, ...g }));
}

/**
 * Round 1 of a new fund, in the fund's creating transaction. Later NAVs go through publishNav
 * (guards + chain mirrors); the first one has nothing to move from and no deployment yet.
 */
export async function initFundNav(db: Db, p: { fundId: string; nav?: Nav; by: string; guards?: Partial<NavGuards> }): Promise<void> {
  const nav = p.nav ?? DEFAULT_INITIAL_NAV;
  assertNav(nav);
  await setNavGuards(db, p.fundId, { ...DEFAULT_NAV_GUARDS, ...p.guards });
  await insertNavPublication(db, {
    id: newId('nav'),
    fundId: p.fundId,
    round: 1n,
    navValue: nav.value,
    navScale: nav.scale,
    publishedBy: p.by,
    previousId: null,
    reason: 'initial NAV',
  });
}
