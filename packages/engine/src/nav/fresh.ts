import { FiscusError, type Nav } from '@fiscus/core';
import { getCurrentNav, type Db } from '@fiscus/ledger';
import { guardsFor } from './settings.ts';

/**
 * The NAV to price a subscription or redemption at `now`, or NAV_STALE when the fund has none
 * or the latest is older than the fund's staleness limit: pricing at an old NAV transfers value
 * between investors, so the request is refused rather than priced.
 */
export async function requireFreshNav(db: Db, fundId: string, now: Date = new Date()): Promise<{ nav: Nav; publishedAt: Date }> {
  const current = await getCurrentNav(db, fundId);
  if (!current) throw new FiscusError('NAV_STALE', `fund ${fundId} has no NAV`, { meta: { fundId } });
  const { staleAfterSeconds } = await guardsFor(db, fundId);
  const ageSeconds = Math.floor((now.getTime() - current.publishedAt.getTime()) / 1000);
  if (ageSeconds > staleAfterSeconds) {
    throw new FiscusError('NAV_STALE', `the NAV of fund ${fundId} is ${ageSeconds}s old (limit ${staleAfterSeconds}s)`, {
      details: 'Publish a current NAV (POST /v1/funds/{fundId}/nav) before pricing subscriptions or redemptions.',
      meta: { fundId, publishedAt: current.publishedAt.toISOString(), ageSeconds, staleAfterSeconds },
    });
  }
  return current;
}
