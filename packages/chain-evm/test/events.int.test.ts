import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChainEvent, Deployment } from '@fiscus/core';
import type { EvmDriver } from '../src/index.ts';
import { startEvmTestDevnet, type EvmTestDevnet } from './support/devnet.ts';
import { mustSend } from './support/send.ts';

/** Reads every events page after `cursor`; the cursor is all the state a reader keeps. */
async function drain(driver: EvmDriver, d: Deployment, cursor: string | undefined, seen: ChainEvent[]): Promise<string | undefined> {
  for (;;) {
    const page = await driver.events(d, cursor);
    seen.push(...page.items);
    if (page.items.length === 0 || !page.next) return cursor;
    cursor = page.next;
  }
}

describe('EvmDriver events (anvil)', () => {
  let devnet: EvmTestDevnet;
  let driver: EvmDriver;
  /** Finality depth 2: events of the last two blocks are not reported yet. */
  let reader: EvmDriver;
  let d: Deployment;

  beforeAll(async () => {
    devnet = await startEvmTestDevnet();
    driver = devnet.driver({ pageSize: 3 });
    reader = devnet.driver({ confirmations: 2, pageSize: 3 });
    d = await driver.deploy({ id: 'indexer-fund', name: 'Indexer Fund', symbol: 'IDX', decimals: 6 });
  });
  afterAll(() => devnet.close());

  it('reports only final events, resumes from a cursor, and reports each event once', async () => {
    const seen: ChainEvent[] = [];
    const a = devnet.investor().address;
    await mustSend(driver, d, { kind: 'authorize', address: a, investorId: 'inv-idx', country: 840 });
    for (const units of [1n, 2n, 3n, 4n]) await mustSend(driver, d, { kind: 'mint', to: a, units });
    await mustSend(driver, d, { kind: 'freeze', address: a, units: 2n });

    let cursor = await drain(reader, d, undefined, seen); // the last 2 blocks (mint 4, freeze) are not final yet
    expect(seen.filter((e) => e.kind === 'transfer').map((e) => e.kind === 'transfer' && e.units)).toEqual([1n, 2n, 3n]);
    // deploy() registered the fund's redemption wallet before any investor.
    expect(seen[0]).toMatchObject({ kind: 'authorization', address: d.details.redemptionAddress, authorized: true });
    expect(seen[1]).toMatchObject({ kind: 'authorization', address: a, authorized: true });

    await devnet.anvil.cheats.mine(2);
    const before = seen.length;
    cursor = await drain(reader, d, cursor, seen);
    expect(seen.length - before).toBe(2);
    expect(seen.at(-1)).toMatchObject({ kind: 'freeze', address: a, frozen: true, units: 2n });
    await drain(reader, d, cursor, seen);
    expect(seen.length - before).toBe(2);
    const keys = seen.map((e) => `${e.txHash}:${e.index}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
