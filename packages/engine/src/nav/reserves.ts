import { and, eq, inArray, sql } from 'drizzle-orm';
import { FiscusError, formatUsd, requiredReserves, ROUNDING_RULES, type MicroUsd, type Nav } from '@fiscus/core';
import { ISSUANCE, STABLECOIN_PREFIX, SUPPLY_PREFIX, TRANSIT, accountBalance, balances, getCurrentNav, getFund, schema, type Db } from '@fiscus/ledger';
import { guardsFor } from './settings.ts';

const { operations } = schema;
const IN_FLIGHT = ['requested', 'approved', 'prepared', 'submitted', 'confirmed'] as const;

export interface ReserveFacts {
  decimals: number;
  /** −balance(issuance): units outstanding as posted. */
  outstanding: bigint;
  /** supply:<chain> balances keyed by chain id, plus units in transit between chains. */
  supply: Record<string, bigint>;
  transit: bigint;
  /** USD balances of every custody:*, cash:* and stablecoin:* account, and their sum (micro-dollars). */
  reserveAccounts: Record<string, MicroUsd>;
  reserves: MicroUsd;
}

export async function reserveFacts(db: Db, fundId: string): Promise<ReserveFacts> {
  const fund = await getFund(db, { id: fundId });
  if (!fund) throw new FiscusError('NOT_FOUND', `fund ${fundId} not found`);
  const supply: Record<string, bigint> = {};
  for (const [code, units] of await balances(db, { fundId, commodity: 'units', prefix: SUPPLY_PREFIX })) supply[code.slice(SUPPLY_PREFIX.length)] = units;
  const reserveAccounts: Record<string, MicroUsd> = {};
  let reserves = 0n;
  // Stablecoin held on each chain (stablecoin:<chain>, issue 12) is cash too: reconciled against the chains.
  for (const prefix of ['custody:', 'cash:', STABLECOIN_PREFIX]) {
    for (const [code, usd] of await balances(db, { fundId, commodity: 'usd', prefix })) {
      reserveAccounts[code] = usd;
      reserves += usd;
    }
  }
  return {
    decimals: fund.decimals,
    outstanding: -(await accountBalance(db, { fundId, code: ISSUANCE, commodity: 'units' })),
    supply,
    transit: await accountBalance(db, { fundId, code: TRANSIT, commodity: 'units' }),
    reserveAccounts,
    reserves,
  };
}

/**
 * Units that mints not yet posted may still add to the outstanding. A move's mint leg
 * (context.moveId) re-creates units its burn leg took out, so it adds nothing.
 */
export async function mintsInFlight(db: Db, fundId: string): Promise<bigint> {
  const [row] = await db
    .select({ units: sql<string>`coalesce(sum((${operations.body}->>'units')::numeric), 0)::text` })
    .from(operations)
    .where(
      and(eq(operations.fundId, fundId), eq(operations.kind, 'mint'), inArray(operations.state, [...IN_FLIGHT]), sql`${operations.context}->>'moveId' is null`),
    );
  return BigInt(row?.units ?? '0');
}

/**
 * The reserve check on a new mint: reserves must cover (outstanding + mints in flight + units)
 * × NAV, rounded up (RESERVES_REQUIRED_ROUND_UP). Only for funds with `enforceReserves`; the
 * caller holds the fund's subscription lock (checkCompliance takes it), so two concurrent
 * mints cannot both spend the same headroom.
 */
export async function assertReservesCover(db: Db, p: { fundId: string; units: bigint; incomingUsd?: MicroUsd }): Promise<void> {
  const guards = await guardsFor(db, p.fundId);
  if (!guards.enforceReserves) return;
  const current = await getCurrentNav(db, p.fundId);
  if (!current) throw new FiscusError('NAV_STALE', `fund ${p.fundId} has no NAV to value its reserves against`);
  const facts = await reserveFacts(db, p.fundId);
  const pending = await mintsInFlight(db, p.fundId);
  const after = facts.outstanding + pending + p.units;
  const required = requiredReserves(after, current.nav, facts.decimals);
  // The subscription's own cash is posted after this check, in the same transaction (requestSubscription).
  const reserves = facts.reserves + (p.incomingUsd ?? 0n);
  if (reserves < required) {
    throw new FiscusError('RESERVES_SHORT', `reserves ${formatUsd(reserves)} USD do not cover ${formatUsd(required)} USD after this mint`, {
      details: 'Post the incoming cash (custody/cash accounts) before minting, or mint fewer units.',
      meta: meta({ ...facts, reserves }, pending, p.units, current.nav, required),
    });
  }
}

function meta(f: ReserveFacts, pending: bigint, units: bigint, nav: Nav, required: MicroUsd): Record<string, unknown> {
  return {
    reservesUsd: formatUsd(f.reserves),
    requiredUsd: formatUsd(required),
    shortUsd: formatUsd(required - f.reserves),
    outstanding: f.outstanding.toString(),
    mintsInFlight: pending.toString(),
    units: units.toString(),
    nav: { value: nav.value.toString(), scale: nav.scale },
    rounding: ROUNDING_RULES.RESERVES_REQUIRED_ROUND_UP,
  };
}
