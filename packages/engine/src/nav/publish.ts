import { sql } from 'drizzle-orm';
import { FiscusError, assertNav, newId, type ChainId, type Nav } from '@fiscus/core';
import { getLatestNavPublication, insertNavPublication, navOf, type Db, type NavPublicationRow } from '@fiscus/ledger';
import { requestOnChains } from './mirror.ts';
import type { OperationRow } from '../rows.ts';
import { guardsFor, type NavGuards } from './settings.ts';

export interface PublishNavParams {
  fundId: string;
  nav: Nav;
  by: string;
  reason?: string;
  now?: Date;
  /** Chains whose active deployment mirrors the NAV (the caller knows which drivers have a feed). */
  chains: ChainId[];
}

export interface PublishedNav {
  publication: NavPublicationRow;
  operations: OperationRow[];
}

/** |next − prev| / prev in basis points, exactly (both NAVs brought to one scale), rounded up. */
export function moveBps(prev: Nav, next: Nav): bigint {
  const scale = Math.max(prev.scale, next.scale);
  const p = prev.value * 10n ** BigInt(scale - prev.scale);
  const n = next.value * 10n ** BigInt(scale - next.scale);
  const diff = n > p ? n - p : p - n;
  return (diff * 10_000n + p - 1n) / p;
}

export function checkGuards(prev: NavPublicationRow, next: Nav, guards: NavGuards, now: Date): void {
  const move = moveBps(navOf(prev), next);
  if (move > BigInt(guards.maxMoveBps)) {
    throw new FiscusError('NAV_MOVE_TOO_LARGE', `the NAV moves ${move} bps, more than the fund's ${guards.maxMoveBps} bps`, {
      meta: { moveBps: Number(move), maxMoveBps: guards.maxMoveBps, previous: { value: prev.navValue.toString(), scale: prev.navScale } },
    });
  }
  const elapsed = (now.getTime() - prev.publishedAt.getTime()) / 1000;
  if (elapsed < guards.minIntervalSeconds) {
    throw new FiscusError('NAV_TOO_SOON', `the last NAV was published ${Math.floor(elapsed)}s ago; the fund allows one every ${guards.minIntervalSeconds}s`, {
      meta: { elapsedSeconds: Math.floor(elapsed), minIntervalSeconds: guards.minIntervalSeconds, previousAt: prev.publishedAt.toISOString() },
    });
  }
}

/**
 * Appends the next NAV round and requests one publishNav operation per chain, in one
 * transaction: the publication and its chain mirrors commit together, and the worker takes the
 * ops from the outbox like any other. A per-fund advisory lock serialises publishers; the
 * unique (fund, round) index would refuse a fork even without it.
 */
export async function publishNav(db: Db, p: PublishNavParams): Promise<PublishedNav> {
  assertNav(p.nav);
  const now = p.now ?? new Date();
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`fiscus:nav:${p.fundId}`}))`);
    const prev = await getLatestNavPublication(tx, { fundId: p.fundId });
    if (!prev) throw new FiscusError('NOT_FOUND', `fund ${p.fundId} has no NAV history`, { meta: { fundId: p.fundId } });
    checkGuards(prev, p.nav, await guardsFor(tx, p.fundId), now);
    const publication = await insertNavPublication(tx, {
      id: newId('nav'),
      fundId: p.fundId,
      round: prev.round + 1n,
      navValue: p.nav.value,
      navScale: p.nav.scale,
      publishedAt: now,
      publishedBy: p.by,
      previousId: prev.id,
      reason: p.reason ?? null,
    });
    if (!publication) throw new FiscusError('CONFLICT', `another NAV was published for fund ${p.fundId} at the same time`);
    const at = Math.floor(now.getTime() / 1000);
    const operations = await requestOnChains(tx, {
      fundId: p.fundId,
      chains: p.chains,
      body: { kind: 'publishNav', value: p.nav.value, scale: p.nav.scale, round: publication.round, at },
      context: { navPublicationId: publication.id },
      by: p.by,
    });
    return { publication, operations };
  });
}
