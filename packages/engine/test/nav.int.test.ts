import { afterAll, beforeAll, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { DEFAULT_POLICY, newId, policyToJson, type ChainId } from '@fiscus/core';
import { ISSUANCE, getCurrentNav, listNavPublications, postEntry, schema, supplyAccount } from '@fiscus/ledger';
import { createTestDb, describeEachBackend, type TestDbHandle } from '@fiscus/ledger/testing';
import { assertReservesCover, checkCompliance, initFundNav, publishNav, requireFreshNav, setNavGuards, DEFAULT_NAV_GUARDS } from '../src/index.ts';
import { requestMint } from '../src/testing/index.ts';

const chain: ChainId = 'memory:nav';
const T0 = new Date('2026-01-05T12:00:00Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

describeEachBackend('NAV publication guards, staleness and the reserve check', (backend) => {
  // One database for the block: every test works on its own fund, so they cannot interfere.
  let handle: TestDbHandle;
  beforeAll(async () => {
    handle = await createTestDb(backend);
  });
  afterAll(() => handle?.cleanup());
  const db = () => handle.db;

  async function fund(guards: Partial<typeof DEFAULT_NAV_GUARDS> = {}, decimals = 6) {
    const fundId = newId('fund');
    await db()
      .insert(schema.funds)
      .values({ id: fundId, name: 'F', symbol: 'F', decimals, policy: policyToJson({ ...DEFAULT_POLICY, kycRequired: false }) });
    await initFundNav(db(), { fundId, by: 'test', guards });
    // The initial round is "now"; move it to T0 so the clock in these tests is explicit.
    await db().update(schema.navPublications).set({ publishedAt: T0 }).where(eq(schema.navPublications.fundId, fundId));
    return fundId;
  }
  const nav = (value: bigint, scale = 6) => ({ value, scale });

  it('a new fund starts at 1.000000 (round 1) and getCurrentNav returns it', async () => {
    const fundId = await fund();
    expect(await getCurrentNav(db(), fundId)).toEqual({ nav: { value: 1_000_000n, scale: 6 }, publishedAt: T0 });
    expect(await getCurrentNav(db(), 'fund_unknown')).toBeNull();
  });

  it('appends rounds linked to their previous, refusing moves above the limit and updates too soon', async () => {
    const fundId = await fund({ maxMoveBps: 50, minIntervalSeconds: 3600 });
    await expect(publishNav(db(), { fundId, nav: nav(1_000_100n), by: 'k', now: at(60), chains: [] })).rejects.toMatchObject({
      code: 'NAV_TOO_SOON',
      meta: { minIntervalSeconds: 3600 },
    });
    // 0.51 % > 50 bps; 0.50 % exactly is allowed (the move is rounded up, never down).
    await expect(publishNav(db(), { fundId, nav: nav(1_005_100n), by: 'k', now: at(3600), chains: [] })).rejects.toMatchObject({
      code: 'NAV_MOVE_TOO_LARGE',
      meta: { moveBps: 51, maxMoveBps: 50 },
    });
    await expect(publishNav(db(), { fundId, nav: nav(994_999n), by: 'k', now: at(3600), chains: [] })).rejects.toMatchObject({ code: 'NAV_MOVE_TOO_LARGE' });
    const { publication } = await publishNav(db(), { fundId, nav: nav(100_500_000n, 8), by: 'k', reason: 'daily accrual', now: at(3600), chains: [] });
    expect(publication).toMatchObject({ round: 2n, navValue: 100_500_000n, navScale: 8, publishedBy: 'k', reason: 'daily accrual' });
    const history = await listNavPublications(db(), { fundId, limit: 10 });
    expect(history.map((r) => r.round)).toEqual([2n, 1n]);
    expect(history[0]!.previousId).toBe(history[1]!.id);
  });

  it('two concurrent publishers: both rounds land in order, none forks the chain of rounds', async () => {
    const fundId = await fund();
    const results = await Promise.allSettled(
      [1, 2].map((i) => publishNav(db(), { fundId, nav: nav(1_000_000n + BigInt(i)), by: `k${i}`, now: at(10), chains: [] })),
    );
    expect(results.every((r) => r.status === 'fulfilled')).toBe(true);
    const rounds = (await listNavPublications(db(), { fundId, limit: 10 })).map((r) => r.round);
    expect(rounds).toEqual([3n, 2n, 1n]);
  });

  it('publishNav requests one publishNav operation per chain given, in the same transaction', async () => {
    const fundId = await fund();
    const { publication, operations } = await publishNav(db(), { fundId, nav: nav(1_000_050n), by: 'k', now: at(100), chains: ['eip155:1', 'stellar:local'] });
    expect(operations.map((o) => [o.chain, o.kind, o.state])).toEqual([
      ['eip155:1', 'publishNav', 'approved'],
      ['stellar:local', 'publishNav', 'approved'],
    ]);
    expect(operations[0]!.body).toEqual({ kind: 'publishNav', value: '1000050', scale: 6, round: '2', at: Math.floor(at(100).getTime() / 1000) });
    expect(operations[0]!.context).toEqual({ navPublicationId: publication.id });
  });

  it('requireFreshNav prices at the current NAV until it is older than the staleness limit', async () => {
    const fundId = await fund({ staleAfterSeconds: 86_400 });
    await expect(requireFreshNav(db(), fundId, at(86_400))).resolves.toMatchObject({ nav: nav(1_000_000n) });
    await expect(requireFreshNav(db(), fundId, at(86_401))).rejects.toMatchObject({
      code: 'NAV_STALE',
      meta: { ageSeconds: 86_401, staleAfterSeconds: 86_400 },
    });
    await publishNav(db(), { fundId, nav: nav(1_000_010n), by: 'k', now: at(90_000), chains: [] });
    await expect(requireFreshNav(db(), fundId, at(90_001))).resolves.toMatchObject({ nav: nav(1_000_010n) });
    await expect(requireFreshNav(db(), 'fund_without_nav', at(0))).rejects.toMatchObject({ code: 'NAV_STALE' });
  });

  async function deposit(fundId: string, micros: bigint) {
    await postEntry(db(), {
      fundId,
      memo: 'bank feed (test)',
      postings: [
        { account: 'cash:operating', commodity: 'usd', amount: micros },
        { account: 'external:bank', commodity: 'usd', amount: -micros },
      ],
    });
  }
  async function outstanding(fundId: string, units: bigint) {
    await postEntry(db(), {
      fundId,
      memo: 'mint (test)',
      postings: [
        { account: supplyAccount(chain), commodity: 'units', amount: units },
        { account: ISSUANCE, commodity: 'units', amount: -units },
      ],
    });
  }

  it('reserve check: (outstanding + in flight + units) × NAV, rounded up, must be covered', async () => {
    // decimals 6, NAV 1.000001: 1 base unit needs 1.000001 micro-dollars → 2 (RESERVES_REQUIRED_ROUND_UP).
    const fundId = await fund({ enforceReserves: true, maxMoveBps: 10 });
    await publishNav(db(), { fundId, nav: nav(1_000_001n), by: 'k', now: at(10), chains: [] });
    await expect(assertReservesCover(db(), { fundId, units: 1n })).rejects.toMatchObject({
      code: 'RESERVES_SHORT',
      meta: { requiredUsd: '0.000002', reservesUsd: '0' },
    });
    await deposit(fundId, 100_000_100n); // $100.0001
    await outstanding(fundId, 50_000_000n); // 50 units already out
    // 100 units × 1.000001 = 100.0001 USD exactly: 50 out + 50 more is covered, one base unit more is not.
    await expect(assertReservesCover(db(), { fundId, units: 50_000_000n })).resolves.toBeUndefined();
    await expect(assertReservesCover(db(), { fundId, units: 50_000_001n })).rejects.toMatchObject({ code: 'RESERVES_SHORT' });
    // A mint in flight uses the headroom; a move's mint leg (context.moveId) does not.
    const inv = { walletId: 'w', investorId: 'i' };
    await requestMint(db(), { fundId, chain, to: '0x01', units: 10_000_000n, ...inv });
    await expect(assertReservesCover(db(), { fundId, units: 40_000_001n })).rejects.toMatchObject({
      code: 'RESERVES_SHORT',
      meta: { mintsInFlight: '10000000' },
    });
    await expect(assertReservesCover(db(), { fundId, units: 40_000_000n })).resolves.toBeUndefined();
  });

  it('a fund without enforcement mints freely; turning it on makes subscriptions refuse through checkCompliance', async () => {
    const fundId = await fund();
    await expect(assertReservesCover(db(), { fundId, units: 10n ** 12n })).resolves.toBeUndefined();
    await setNavGuards(db(), fundId, { ...DEFAULT_NAV_GUARDS, enforceReserves: true });
    const investorId = newId('inv');
    await db()
      .insert(schema.investors)
      .values({ id: investorId, legalName: 'I', jurisdiction: 'US', jurisdictionNumeric: 840, investorType: 'institutional', kycStatus: 'verified' });
    await expect(checkCompliance(db(), { fundId, investorId, action: 'subscribe', units: 1n })).rejects.toMatchObject({ code: 'RESERVES_SHORT' });
    // The prepare-time re-check (excludeOperationId) does not refuse an already accepted mint.
    await expect(checkCompliance(db(), { fundId, investorId, action: 'subscribe', units: 1n, excludeOperationId: 'op_x' })).resolves.toBeUndefined();
    // The cash a subscription brings in the same transaction counts (requestSubscription posts it after the check).
    await expect(checkCompliance(db(), { fundId, investorId, action: 'subscribe', units: 1n, incomingUsd: 1n })).resolves.toBeUndefined();
    await deposit(fundId, 1n);
    await expect(checkCompliance(db(), { fundId, investorId, action: 'subscribe', units: 1n })).resolves.toBeUndefined();
  });
});
