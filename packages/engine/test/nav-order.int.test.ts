import { afterAll, beforeAll, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { DEFAULT_POLICY, newId, policyToJson, type ChainId } from '@fiscus/core';
import { schema } from '@fiscus/ledger';
import { createTestDb, describeEachBackend, type TestDbHandle } from '@fiscus/ledger/testing';
import { claimOperations, initFundNav, publishNav, setNavGuards, DEFAULT_NAV_GUARDS } from '../src/index.ts';

const chains: ChainId[] = ['eip155:1', 'stellar:local'];

/**
 * A NAV feed takes rounds in order only (the EVM feed reverts StaleRound otherwise): a worker
 * must not claim an unsigned publishNav while an older round for the same fund and chain is
 * unfinished, whatever its claim limit. Other chains, funds and kinds are not held back.
 */
describeEachBackend('publishNav operations of one feed are claimed one round at a time', (backend) => {
  let handle: TestDbHandle;
  beforeAll(async () => {
    handle = await createTestDb(backend);
  });
  afterAll(() => handle?.cleanup());
  const db = () => handle.db;

  async function fundWithRounds(n: number) {
    const fundId = newId('fund');
    await db()
      .insert(schema.funds)
      .values({ id: fundId, name: 'F', symbol: 'F', decimals: 6, policy: policyToJson({ ...DEFAULT_POLICY, kycRequired: false }) });
    await initFundNav(db(), { fundId, by: 'test' });
    await setNavGuards(db(), fundId, { ...DEFAULT_NAV_GUARDS, minIntervalSeconds: 0 });
    const ops = [];
    for (let i = 1; i <= n; i++)
      ops.push(...(await publishNav(db(), { fundId, nav: { value: 1_000_000n + BigInt(i), scale: 6 }, by: 'k', chains })).operations);
    return { fundId, ops };
  }
  const claim = async (fundId: string) =>
    (await claimOperations(db(), { owner: newId('w'), leaseMs: 1, limit: 50, chains }))
      .filter((o) => o.fundId === fundId)
      .map((o) => [o.chain, (o.body as { round: string }).round])
      .sort((x, y) => x.join().localeCompare(y.join()));
  const setState = (id: string, state: 'posted' | 'failed' | 'prepared') =>
    db().update(schema.operations).set({ state, leaseOwner: null, leaseUntil: null }).where(eq(schema.operations.id, id));

  it('claims only the oldest unfinished round per chain, the next once it is posted or failed', async () => {
    const { fundId, ops } = await fundWithRounds(3);
    // ops: [r2 evm, r2 stellar, r3 evm, r3 stellar, r4 evm, r4 stellar]
    expect(await claim(fundId)).toEqual([
      ['eip155:1', '2'],
      ['stellar:local', '2'],
    ]);
    // A signed older round (prepared) still holds the next one back: it has not landed.
    await setState(ops[0]!.id, 'prepared');
    expect((await claim(fundId)).filter(([c]) => c === 'eip155:1')).toEqual([['eip155:1', '2']]);
    await setState(ops[0]!.id, 'posted');
    expect((await claim(fundId)).filter(([c]) => c === 'eip155:1')).toEqual([['eip155:1', '3']]);
    // A failed round is finished: the feed keeps a gap the operation explains, the next proceeds.
    await setState(ops[2]!.id, 'failed');
    expect((await claim(fundId)).filter(([c]) => c === 'eip155:1')).toEqual([['eip155:1', '4']]);
    // The Stellar feed moved independently: its round 2 is still the one claimed.
    expect((await claim(fundId)).filter(([c]) => c === 'stellar:local')).toEqual([['stellar:local', '2']]);
  });

  it('another fund’s feed is not held back', async () => {
    const a = await fundWithRounds(2);
    const b = await fundWithRounds(1);
    expect(await claim(a.fundId)).toEqual([
      ['eip155:1', '2'],
      ['stellar:local', '2'],
    ]);
    expect(await claim(b.fundId)).toEqual([
      ['eip155:1', '2'],
      ['stellar:local', '2'],
    ]);
  });
});
