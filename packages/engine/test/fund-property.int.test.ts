import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend, useFreshDatabase } from '@fiscus/ledger/testing';
import { checkFundProperty } from './support/fund-property-run.ts';
import { startChains, type TestChain } from './support/two-chains.ts';

/**
 * Issue 6's property over three memchain nodes and two investors (see support/fund-property-run.ts;
 * packages/chain-stellar/test/fund-property.int.test.ts runs it with the Stellar local ledger).
 */
describeEachBackend('property: subscriptions, moves, redemptions and yield over three chains keep the books', (backend) => {
  const database = useFreshDatabase(backend);
  let chains: TestChain[];
  beforeAll(async () => {
    chains = await startChains(['fp0', 'fp1', 'fp2']);
  });
  afterAll(() => Promise.all(chains.map((c) => c.server.close())));

  it('every invariant holds after every step; ledger = chain on every chain at the end', { timeout: 150_000 }, async () => {
    const seen = await checkFundProperty(database.current.db, chains, { numRuns: 10 });
    // The runs exercised every kind of step, not only refusals.
    expect(
      Object.values(seen).every((n) => n > 0),
      JSON.stringify(seen),
    ).toBe(true);
  });
});
