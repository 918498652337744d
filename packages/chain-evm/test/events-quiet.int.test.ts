import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChainEvent, Deployment } from '@fiscus/core';
import type { EvmDriver } from '../src/index.ts';
import { startEvmTestDevnet, type EvmTestDevnet } from './support/devnet.ts';
import { RpcProxy } from './support/rpc-proxy.ts';
import { mustSend } from './support/send.ts';

const DEPTH = 2;

describe('EvmDriver events: a quiet deployment is never scanned twice (anvil behind a counting proxy)', () => {
  let devnet: EvmTestDevnet;
  let proxy: RpcProxy;
  let driver: EvmDriver;
  let reader: EvmDriver;
  let d: Deployment;

  beforeAll(async () => {
    devnet = await startEvmTestDevnet();
    proxy = await RpcProxy.start(devnet.anvil.url);
    driver = devnet.driver();
    reader = devnet.driver({ confirmations: DEPTH, pageSize: 2, url: proxy.url });
    d = await driver.deploy({ id: 'quiet-fund', name: 'Quiet Fund', symbol: 'QUI', decimals: 6 });
  });
  afterAll(async () => {
    await proxy.close();
    await devnet.close();
  });

  /** What the engine's ingest does: read pages, store each `next` it is given. */
  async function ingest(cursor: string | undefined, seen: ChainEvent[]): Promise<string | undefined> {
    for (let i = 0; i < 50; i++) {
      const page = await reader.events(d, cursor);
      seen.push(...page.items);
      if (page.next === undefined || page.next === cursor) return cursor;
      cursor = page.next;
      if (page.items.length === 0) return cursor;
    }
    throw new Error('events never ended');
  }

  it('the cursor advances over empty final ranges; each call scans only blocks finalized since', async () => {
    const seen: ChainEvent[] = [];
    const a = devnet.investor().address;
    await mustSend(driver, d, { kind: 'authorize', address: a, investorId: 'inv-quiet', country: 840 });
    await mustSend(driver, d, { kind: 'mint', to: a, units: 5n });
    await devnet.anvil.cheats.mine(DEPTH);
    let cursor = await ingest(undefined, seen);
    expect(seen.filter((e) => e.kind === 'transfer')).toHaveLength(1);
    const lastEventBlock = seen.at(-1)!.block;
    expect(cursor).toBe(`${lastEventBlock}:end`); // the last page ended on the last final block

    // Quiet: 40 blocks with no event of this token.
    await devnet.anvil.cheats.mine(40);
    let from = proxy.calls.length;
    const head = await devnet.anvil.cheats.blockNumber();
    cursor = await ingest(cursor, seen);
    expect(cursor).toBe(`${head - BigInt(DEPTH)}:end`);
    expect(proxy.logRanges(from)).toEqual([[lastEventBlock + 1n, head - BigInt(DEPTH)]]);

    // Still quiet: the next rounds scan only the new final blocks, never from the last event again.
    for (const blocks of [3, 1]) {
      await devnet.anvil.cheats.mine(blocks);
      const before = BigInt(cursor!.split(':')[0]!);
      from = proxy.calls.length;
      cursor = await ingest(cursor, seen);
      expect(proxy.logRanges(from)).toEqual([[before + 1n, before + BigInt(blocks)]]);
    }
    // Nothing final since: no log read at all.
    from = proxy.calls.length;
    expect(await ingest(cursor, seen)).toBe(cursor);
    expect(proxy.logRanges(from)).toEqual([]);

    // An event after the quiet stretch is read once, from the stored "<block>:end" cursor.
    await mustSend(driver, d, { kind: 'mint', to: a, units: 7n });
    await devnet.anvil.cheats.mine(DEPTH);
    cursor = await ingest(cursor, seen);
    expect(seen.filter((e) => e.kind === 'transfer').map((e) => e.kind === 'transfer' && e.units)).toEqual([5n, 7n]);
    expect(await ingest(cursor, seen)).toBe(cursor);
    const keys = seen.map((e) => `${e.txHash}:${e.index}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
