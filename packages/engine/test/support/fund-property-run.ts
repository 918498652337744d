import { expect } from 'vitest';
import fc from 'fast-check';
import { and, eq } from 'drizzle-orm';
import { FiscusError } from '@fiscus/core';
import { schema, type Db } from '@fiscus/ledger';
import { currentNavOrThrow, quoteSubscription, requestDistribution, requestMove, requestRedemption, requestSubscription } from '../../src/index.ts';
import { publishNav } from './dealing.ts';
import { ledgerFacts, quiesce, seedPropertyFund, type PropChain, type PropWallet } from './fund-property.ts';
import { registryOf, twoChainWorker } from './two-chains.ts';

export type Command =
  | { kind: 'subscribe'; investor: number; chain: number; usd: number }
  | { kind: 'move'; investor: number; from: number; to: number; units: number }
  | { kind: 'redeem'; investor: number; chain: number; units: number }
  | { kind: 'yield'; units: number }
  | { kind: 'nav'; micros: number };

const INVESTORS = 2;

/** Refusals the engine gives for requests that do not fit the current state: part of the property (nothing may change). */
const REFUSED = ['VALIDATION_FAILED', 'INSUFFICIENT_BALANCE', 'INVALID_AMOUNT', 'BELOW_MINIMUM'];
const refusedOk = (e: unknown) => {
  if (!(e instanceof FiscusError) || !REFUSED.includes(e.code)) throw e;
};

/** Shrinkable commands over `n` chains; odd amounts on purpose (micro-dollars, base units) so pricing and shares round. */
export function commands(n: number) {
  const investor = fc.integer({ min: 0, max: INVESTORS - 1 });
  const chain = fc.integer({ min: 0, max: n - 1 });
  const command: fc.Arbitrary<Command> = fc.oneof(
    fc.record({ kind: fc.constant('subscribe' as const), investor, chain, usd: fc.integer({ min: 1_000_001, max: 900_000_007 }) }),
    fc.record({ kind: fc.constant('move' as const), investor, from: chain, to: chain, units: fc.integer({ min: 1, max: 400_000_003 }) }),
    fc.record({ kind: fc.constant('redeem' as const), investor, chain, units: fc.integer({ min: 1, max: 300_000_007 }) }),
    fc.record({ kind: fc.constant('yield' as const), units: fc.integer({ min: 1, max: 3_000_007 }) }),
    fc.record({ kind: fc.constant('nav' as const), micros: fc.integer({ min: 980_001, max: 1_030_007 }) }),
  );
  // Every run opens with a subscription so no run is vacuous.
  const opening = fc.record({ kind: fc.constant('subscribe' as const), investor, chain, usd: fc.integer({ min: 100_000_001, max: 900_000_007 }) });
  return { command, opening };
}

/** One fixed sequence run first, so every kind of step is exercised whatever the random runs draw. */
export const EVERY_STEP: [Command, Command[]] = [
  { kind: 'subscribe', investor: 0, chain: 0, usd: 250_000_003 },
  [
    { kind: 'subscribe', investor: 1, chain: 1, usd: 77_777_777 },
    { kind: 'move', investor: 0, from: 0, to: 1, units: 100_000_001 },
    { kind: 'nav', micros: 1_012_345 },
    { kind: 'yield', units: 1_000_003 },
    { kind: 'redeem', investor: 0, chain: 1, units: 33_333_333 },
    { kind: 'move', investor: 1, from: 1, to: 0, units: 50_000_000 },
    { kind: 'yield', units: 7 },
  ],
];

/**
 * The property: random sequences of subscriptions at a moving NAV, moves, redemptions and yield
 * keep every ledger invariant after every step and end with ledger = chain on every chain.
 * Returns how many steps of each kind took effect (refusals not counted).
 */
export async function checkFundProperty(db: Db, chains: PropChain[], o: { numRuns: number }): Promise<Record<string, number>> {
  const drivers = registryOf(chains.map((c) => c.driver));
  const worker = twoChainWorker(
    db,
    chains.map((c) => c.driver),
  );
  const seen = { subscribe: 0, move: 0, redeem: 0, yield: 0, nav: 0 };
  const { command, opening } = commands(chains.length);
  await fc.assert(
    fc.asyncProperty(opening, fc.array(command, { minLength: 2, maxLength: 7 }), async (first, rest) => {
      const f = await seedPropertyFund(db, worker, chains, INVESTORS);
      let round = 1n;
      await publishNav(db, f.fundId, { value: 1_000_000n, scale: 6 }, round);
      const walletOf = (inv: number, c: number): PropWallet => f.wallets[inv * chains.length + c]!;
      const balance = async (w: PropWallet) => {
        const [dep] = await db.select().from(schema.deployments).where(eq(schema.deployments.id, f.deployments[w.chain]!));
        return chains.find((c) => c.chain === w.chain)!.driver.balanceOf({ chain: w.chain, details: dep!.details! }, w.address);
      };

      for (const c of [first, ...rest] as Command[]) {
        if (c.kind === 'subscribe') {
          const w = walletOf(c.investor, c.chain);
          const { nav } = await currentNavOrThrow(db, f.fundId);
          const quote = quoteSubscription({ usd: BigInt(c.usd) }, nav, 6);
          await requestSubscription(db, {
            fundId: f.fundId,
            chain: w.chain,
            address: w.address,
            walletId: w.walletId,
            investorId: w.investorId,
            quote,
            requestedBy: 'prop',
          });
          seen.subscribe++;
        } else if (c.kind === 'move') {
          const [from, to] = [walletOf(c.investor, c.from), walletOf(c.investor, c.to)];
          await requestMove(db, {
            fundId: f.fundId,
            from: { chain: from.chain, wallet: from.address },
            to: { chain: to.chain, wallet: to.address },
            units: BigInt(c.units),
            requestedBy: 'prop',
          }).then(() => seen.move++, refusedOk);
        } else if (c.kind === 'redeem') {
          // Never more than the wallet holds on chain: an over-redemption is the chain's refusal, not a books question.
          const w = walletOf(c.investor, c.chain);
          const held = await balance(w);
          const units = BigInt(c.units) < held ? BigInt(c.units) : held;
          if (units > 0n) {
            const nav = await currentNavOrThrow(db, f.fundId);
            await requestRedemption(db, {
              fundId: f.fundId,
              chain: w.chain,
              address: w.address,
              units,
              investorId: w.investorId,
              walletId: w.walletId,
              requestedBy: 'prop',
              nav,
            }).then(() => seen.redeem++, refusedOk);
          }
        } else if (c.kind === 'yield') {
          await requestDistribution(db, { fundId: f.fundId, recordTime: new Date(), units: BigInt(c.units), requestedBy: 'prop' });
          seen.yield++;
        } else {
          round += 1n;
          await publishNav(db, f.fundId, { value: BigInt(c.micros), scale: 6 }, round);
          seen.nav++;
        }
        await quiesce(worker, db, drivers, f.fundId);

        const facts = await ledgerFacts(db, f.fundId, chains, f.deployments, f.wallets);
        expect(
          facts.invariant.ok,
          JSON.stringify(facts.invariant, (_, v) => (typeof v === 'bigint' ? v.toString() : v)),
        ).toBe(true);
        expect(facts.transit).toBe(0n);
        expect(facts.unbalanced).toEqual([]);
        expect(facts.drifted).toEqual([]);
        // No unit created or lost: outstanding = subscriptions + yield − redemptions, as posted.
        expect(facts.invariant.outstanding).toBe(facts.issued);
        // Yield: what was paid plus the carry out is exactly what was declared plus the carry in.
        for (const d of facts.distributions) {
          expect(d.state).toBe('completed');
          expect(d.paidPlusCarry, d.id).toBe(d.declared);
        }
        for (const [id, row] of Object.entries(facts.perChain)) {
          expect(row.ledger, `${id} ledger = chain`).toBe(row.chain);
          expect(row.wallets, `${id} Σ holder balances = supply`).toBe(row.chain);
          expect(row.capTable, `${id} cap table = chain`).toBe(row.chain);
        }
      }
      const failed = await db
        .select()
        .from(schema.operations)
        .where(and(eq(schema.operations.fundId, f.fundId), eq(schema.operations.state, 'failed')));
      expect(failed.map((x) => [x.kind, x.lastError])).toEqual([]);
    }),
    { numRuns: o.numRuns, examples: [EVERY_STEP] },
  );
  return seen;
}
