import fc from 'fast-check';
import { unitsForUsd, usdForUnits, type Nav } from '@fiscus/core';

/**
 * The reference model of settlement-property.int.test.ts: what the settlement contracts must do
 * to holdings, USDC and the queue of owed redemptions, computed with core's named rounding rules
 * only (SUBSCRIPTION_UNITS_ROUND_DOWN, REDEMPTION_USD_ROUND_DOWN). The stablecoin has 6 decimals,
 * so one base unit is one micro-dollar and no stablecoin rounding applies.
 */
export type Step =
  | { kind: 'subscribe'; who: number; amount: bigint; permit: boolean; ingest: boolean }
  | { kind: 'redeem'; who: number; size: { permille: number } | { units: bigint }; instant: boolean; ingest: boolean }
  | { kind: 'nav'; bps: number; jitter: bigint; ingest: boolean }
  | { kind: 'pay' };

export interface Scenario {
  decimals: number;
  nav: Nav;
  steps: Step[];
}

export const HOLDERS = 2;
/** USDC minted to each investor at the start of a run: more than a run's subscriptions can spend. */
export const FUNDED = 10_000_000_000n;

const who = fc.integer({ min: 0, max: HOLDERS - 1 });
// Tiny amounts buy zero units or redeem for zero USDC at some NAVs: the refusals are part of the property.
const amount = fc.oneof({ arbitrary: fc.bigInt({ min: 1n, max: 3n }), weight: 1 }, { arbitrary: fc.bigInt({ min: 1n, max: 250_000_000n }), weight: 4 });
// Mostly a share of the holding (all of it included), sometimes more than held or a few base units.
const size = fc.oneof(
  { arbitrary: fc.record({ permille: fc.integer({ min: 1, max: 1_000 }) }), weight: 5 },
  { arbitrary: fc.constant({ permille: 1_000 }), weight: 2 },
  { arbitrary: fc.record({ permille: fc.integer({ min: 1_001, max: 1_100 }) }), weight: 1 },
  { arbitrary: fc.record({ units: fc.bigInt({ min: 1n, max: 3n }) }), weight: 1 },
);
const step: fc.Arbitrary<Step> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('subscribe' as const), who, amount, permit: fc.boolean(), ingest: fc.boolean() }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('redeem' as const), who, size, instant: fc.boolean(), ingest: fc.boolean() }), weight: 4 },
  // Within the engine's default guard (200 bps per publication), with odd last digits.
  {
    arbitrary: fc.record({
      kind: fc.constant('nav' as const),
      bps: fc.integer({ min: -190, max: 190 }),
      jitter: fc.bigInt({ min: 0n, max: 9n }),
      ingest: fc.boolean(),
    }),
    weight: 2,
  },
  { arbitrary: fc.record({ kind: fc.constant('pay' as const) }), weight: 1 },
);

const opening = (holder: number) =>
  fc.record({
    kind: fc.constant('subscribe' as const),
    who: fc.constant(holder),
    amount: fc.bigInt({ min: 5_000_000n, max: 250_000_000n }),
    permit: fc.boolean(),
    ingest: fc.boolean(),
  });

export const scenario: fc.Arbitrary<Scenario> = fc
  .record({
    decimals: fc.constantFrom(0, 2, 6, 7),
    scale: fc.constantFrom(6, 8),
    cents: fc.integer({ min: 95, max: 110 }),
    odd: fc.bigInt({ min: 0n, max: 9_999n }),
    // Every holder subscribes first, so no run is vacuous and redemptions have units to take.
    first: fc.tuple(...Array.from({ length: HOLDERS }, (_, i) => opening(i))),
    rest: fc.array(step, { minLength: 2, maxLength: 6 }),
    // And every holder redeems all it holds at the end (instantly or by request), so every run
    // redeems, and a NAV that rose can leave the treasury short (the instant refusal, the queue waiting).
    closing: fc.tuple(...Array.from({ length: HOLDERS }, () => fc.boolean())),
  })
  .map(({ decimals, scale, cents, odd, first, rest, closing }) => ({
    decimals,
    nav: { value: BigInt(cents) * 10n ** BigInt(scale - 2) + (odd % 10n ** BigInt(scale - 2)), scale },
    steps: [...first, ...rest, ...closing.map((instant, who): Step => ({ kind: 'redeem', who, size: { permille: 1_000 }, instant, ingest: false }))],
  }));

export const nextNav = (nav: Nav, bps: number, jitter: bigint): Nav => ({ value: nav.value + (nav.value * BigInt(bps)) / 10_000n + jitter, scale: nav.scale });

export type Outcome = { ok: true; units: bigint; usdc: bigint } | { ok: false; revert: 'ZeroAmount' | 'InsufficientUnits' | 'InsufficientLiquidity' };

export class SettlementModel {
  readonly units: bigint[] = Array.from({ length: HOLDERS }, () => 0n);
  readonly usdc: bigint[] = Array.from({ length: HOLDERS }, () => FUNDED);
  /** USD owed on requested redemptions, per holder, until the engine pays them. */
  readonly owed: bigint[] = Array.from({ length: HOLDERS }, () => 0n);
  treasury = 0n;
  /** Cash events on chain that the ledger has not ingested yet. */
  unbooked = 0;
  /** Redemptions the chain accepted, instant or requested. */
  redemptions = 0;

  constructor(
    readonly decimals: number,
    public nav: Nav,
  ) {}

  get supply(): bigint {
    return this.units.reduce((a, b) => a + b, 0n);
  }

  subscribe(who: number, amount: bigint): Outcome {
    const units = unitsForUsd(amount, this.nav, this.decimals).result;
    if (units === 0n) return { ok: false, revert: 'ZeroAmount' };
    this.units[who]! += units;
    this.usdc[who]! -= amount;
    this.treasury += amount;
    this.unbooked++;
    return { ok: true, units, usdc: amount };
  }

  /** Units a `size` asks for: a share of the holding (at least one base unit) or a few base units. */
  unitsOf(who: number, size: { permille: number } | { units: bigint }): bigint {
    if ('units' in size) return size.units;
    const share = (this.units[who]! * BigInt(size.permille)) / 1_000n;
    return share > 0n ? share : 1n;
  }

  redeem(who: number, units: bigint, instant: boolean): Outcome {
    if (units > this.units[who]!) return { ok: false, revert: 'InsufficientUnits' };
    const usd = usdForUnits(units, this.nav, this.decimals).result;
    if (usd === 0n) return { ok: false, revert: 'ZeroAmount' };
    if (instant && usd > this.treasury) return { ok: false, revert: 'InsufficientLiquidity' };
    this.units[who]! -= units;
    if (instant) {
      this.usdc[who]! += usd;
      this.treasury -= usd;
    } else this.owed[who]! += usd;
    this.unbooked++;
    this.redemptions++;
    return { ok: true, units, usdc: usd };
  }

  /** The engine paid `usd` of what it owed `who` (a queued redemption's payout landed). */
  paid(who: number, usd: bigint): void {
    this.owed[who]! -= usd;
    this.usdc[who]! += usd;
    this.treasury -= usd;
  }
}
