import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChainEvent, Deployment, Holder } from '@fiscus/core';
import { anvilRpc, MULTICALL3_ADDRESS } from '@fiscus/devnet';
import { EVM_MAX_AUTHORIZE_BATCH, type EvmDriver } from '../src/index.ts';
import { startEvmTestDevnet, type EvmTestDevnet } from './support/devnet.ts';
import { RpcProxy } from './support/rpc-proxy.ts';
import { mustSend } from './support/send.ts';

const PAGE = 5;
const N = 30;

/**
 * Reads at scale, counted at the wire: a full holder scan reads every Transfer log once and one
 * balance request per page (the old scan re-read every log for each page and called balanceOf
 * per holder: 4× the logs for 2× the holders); eth_getLogs narrows its range when the endpoint
 * refuses a range or a result count, as real providers do.
 */
describe('EvmDriver reads that scale (anvil behind a counting, capping proxy)', () => {
  let devnet: EvmTestDevnet;
  let proxy: RpcProxy;
  let driver: EvmDriver;
  let d: Deployment;
  const investors: string[] = [];

  beforeAll(async () => {
    devnet = await startEvmTestDevnet();
    proxy = await RpcProxy.start(devnet.anvil.url);
    driver = devnet.driver();
    d = await driver.deploy({ id: 'scale-fund', name: 'Scale Fund', symbol: 'SCL', decimals: 6 });
  }, 60_000);
  afterAll(async () => {
    await proxy.close();
    await devnet.close();
  });

  async function addHolders(n: number): Promise<void> {
    const fresh = Array.from({ length: n }, () => devnet.investor().address);
    for (let i = 0; i < n; i += EVM_MAX_AUTHORIZE_BATCH) {
      const items = fresh
        .slice(i, i + EVM_MAX_AUTHORIZE_BATCH)
        .map((address) => ({ kind: 'authorize' as const, address, investorId: `inv-${address}`, country: 840 }));
      await mustSend(driver, d, { kind: 'batch', items });
    }
    // One mint per transaction: logs spread over many blocks, as a fund's history is.
    for (const [i, to] of fresh.entries()) await mustSend(driver, d, { kind: 'mint', to, units: BigInt(100 + investors.length + i) });
    investors.push(...fresh);
  }

  /** Every holder page of a driver that has read nothing yet, with what it cost at the wire. */
  async function coldScan(opts: { pageSize?: number; logRange?: bigint } = {}) {
    const reader = devnet.driver({ pageSize: PAGE, url: proxy.url, ...opts });
    const [calls, logs] = [proxy.calls.length, proxy.logsReturned];
    const holders: Holder[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await reader.holders(d, cursor);
      holders.push(...page.items);
      cursor = page.next;
      pages++;
    } while (cursor);
    const asked = proxy.calls.slice(calls);
    return {
      reader,
      holders,
      pages,
      logs: proxy.logsReturned - logs,
      getLogs: asked.filter((c) => c.method === 'eth_getLogs').length,
      ethCalls: asked.filter((c) => c.method === 'eth_call').length,
    };
  }

  it('a full holder scan reads each log once: 2× the holders cost 2× the logs and balance requests', async () => {
    await addHolders(N);
    const small = await coldScan();
    await addHolders(N);
    const large = await coldScan();

    expect(small.holders.map((h) => h.address).sort()).toEqual(investors.slice(0, N).sort());
    expect(large.holders).toHaveLength(2 * N);
    expect(new Set(large.holders.map((h) => h.address)).size).toBe(2 * N);
    // Every Transfer log once (one mint per holder), whatever the number of pages.
    expect(small.logs).toBe(N);
    expect(large.logs).toBe(2 * N);
    expect(large.logs / small.logs).toBeLessThanOrEqual(2.2);
    // One batched balance request (Multicall3 aggregate3) per page, not one eth_call per holder.
    expect(small.ethCalls).toBe(small.pages);
    expect(large.ethCalls).toBe(large.pages);
    expect(large.ethCalls / small.ethCalls).toBeLessThanOrEqual(2.2);

    // Paging again with nothing new reads no old log: the driver's index is extended, not rebuilt.
    const before = proxy.logsReturned;
    let cursor: string | undefined;
    let count = 0;
    do {
      const page = await large.reader.holders(d, cursor);
      count += page.items.length;
      cursor = page.next;
    } while (cursor);
    expect(count).toBe(2 * N);
    expect(proxy.logsReturned - before).toBe(0);
  }, 120_000);

  it('balances match the chain, through Multicall3 and through JSON-RPC batches when it is absent', async () => {
    const expected = new Map(await Promise.all(investors.map(async (a) => [a, await driver.balanceOf(d, a)] as const)));
    const viaMulticall = await coldScan({ pageSize: 1_000 });
    expect(new Map(viaMulticall.holders.map((h) => [h.address, h.units]))).toEqual(expected);
    const code = await anvilRpc<string>(devnet.anvil.url, 'eth_getCode', [MULTICALL3_ADDRESS, 'latest']);
    await anvilRpc(devnet.anvil.url, 'anvil_setCode', [MULTICALL3_ADDRESS, '0x']);
    try {
      const viaBatches = await coldScan({ pageSize: 1_000 });
      expect(new Map(viaBatches.holders.map((h) => [h.address, h.units]))).toEqual(expected);
    } finally {
      await anvilRpc(devnet.anvil.url, 'anvil_setCode', [MULTICALL3_ADDRESS, code]);
    }
  }, 60_000);

  it('eth_getLogs ranges split and retry when the endpoint refuses a range or a result count', async () => {
    const reference = await drainEvents(devnet.driver({ pageSize: 1_000 }));
    const holders = (await coldScan({ pageSize: 1_000 })).holders;
    expect(reference.filter((e) => e.kind === 'transfer')).toHaveLength(investors.length);

    proxy.logLimits.maxLogRange = 4n;
    // A block holds at most one authorize batch (20 registrations): the smallest cap a range of one block meets.
    proxy.logLimits.maxLogs = EVM_MAX_AUTHORIZE_BATCH + 2;
    try {
      const refusedBefore = proxy.refusedLogCalls;
      const from = proxy.calls.length;
      const capped = devnet.driver({ pageSize: 7, url: proxy.url, logRange: 10_000n });
      expect(await drainEvents(capped)).toEqual(reference);
      expect(proxy.refusedLogCalls).toBeGreaterThan(refusedBefore);
      // What was answered stayed within both caps, and the scan still finished.
      const ranges = proxy.logRanges(from);
      expect(ranges.length).toBeGreaterThan(1);
      const cappedHolders = await coldScan({ pageSize: 1_000, logRange: 10_000n });
      expect(cappedHolders.holders).toEqual(holders);
    } finally {
      delete proxy.logLimits.maxLogRange;
      delete proxy.logLimits.maxLogs;
    }
  }, 60_000);

  it('events read the next range while a page is booked, each log once; an older cursor is served again', async () => {
    const reference = await drainEvents(devnet.driver({ pageSize: 1_000 }));
    const reader = devnet.driver({ pageSize: 7, url: proxy.url, logRange: 4n });
    const [logs, calls] = [proxy.logsReturned, proxy.calls.length];
    const pages = [await reader.events(d)];
    const asked = proxy.logRanges(calls).length;
    // The next range is asked for with no call to events(): while the caller books this page.
    await until(() => proxy.logRanges(calls).length > asked);
    const cursors: (string | undefined)[] = [undefined];
    while (pages.at(-1)!.items.length > 0) {
      cursors.push(pages.at(-1)!.next);
      pages.push(await reader.events(d, cursors.at(-1)));
    }
    expect(pages.flatMap((p) => p.items)).toEqual(reference);
    expect(proxy.logsReturned - logs).toBe(reference.length);
    // Pages asked again, out of order, from cursors the window has moved past: the same pages.
    for (const i of [3, 0, 5, 1, 1]) expect(await reader.events(d, cursors[i])).toEqual(pages[i]);
  }, 60_000);

  it('a holder page read ahead is read again when a block came in between', async () => {
    const reader = devnet.driver({ pageSize: PAGE, url: proxy.url });
    const calls = proxy.calls.length;
    const first = await reader.holders(d);
    // The second page's balances are asked for at once, at the first page's head.
    await until(() => proxy.calls.slice(calls).filter((c) => c.method === 'eth_call').length === 2);
    const before = (await devnet.driver({ pageSize: PAGE }).holders(d, first.next)).items;
    const target = before[0]!;
    await mustSend(driver, d, { kind: 'mint', to: target.address, units: 7n });
    const second = await reader.holders(d, first.next);
    expect(second.items).toEqual(before.map((h) => (h.address === target.address ? { ...h, units: h.units + 7n } : h)));
  }, 60_000);

  async function until(done: () => boolean): Promise<void> {
    for (const t0 = Date.now(); !done(); await new Promise((r) => setTimeout(r, 10))) {
      if (Date.now() - t0 > 5_000) throw new Error('not seen within 5 s');
    }
  }

  async function drainEvents(reader: EvmDriver): Promise<ChainEvent[]> {
    const all: ChainEvent[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 1_000; i++) {
      const page = await reader.events(d, cursor);
      all.push(...page.items);
      if (page.items.length === 0 || !page.next) return all;
      cursor = page.next;
    }
    throw new Error('events never ended');
  }
});
