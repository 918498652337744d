import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend, useFreshDatabase } from '@fiscus/ledger/testing';
import { checkFundProperty } from '../../engine/test/support/fund-property-run.ts';
import { startChains, type TestChain } from '../../engine/test/support/two-chains.ts';
import { startStellarHarness } from './support/engine-harness.ts';

/**
 * Issue 6's property (packages/engine/test/support/fund-property-run.ts) with the Stellar local
 * ledger as one of the chains: subscriptions at NAV, moves (a clawback when leaving Stellar),
 * redemptions and yield (batched payments) keep every ledger invariant, ledger = chain at the end.
 */
describeEachBackend('property: the fund books over memchain + the Stellar local ledger', (backend) => {
  const database = useFreshDatabase(backend);
  let mem: TestChain;
  let stellar: Awaited<ReturnType<typeof startStellarHarness>>;
  beforeAll(async () => {
    mem = (await startChains(['fpstellar']))[0]!;
    stellar = await startStellarHarness();
  });
  afterAll(async () => {
    await mem?.server.close();
    await stellar?.close();
  });

  it('every invariant holds after every step; ledger = chain on both chains', { timeout: 150_000 }, async () => {
    const seen = await checkFundProperty(database.current.db, [stellar, mem], { numRuns: 8 });
    expect(
      Object.values(seen).every((n) => n > 0),
      JSON.stringify(seen),
    ).toBe(true);
  });
});
