import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChainEvent, Deployment } from '@fiscus/core';
import { EvmEventIndexer, fileCursorStore, type EvmDriver } from '../src/index.ts';
import { startEvmTestDevnet, type EvmTestDevnet } from './support/devnet.ts';
import { mustSend } from './support/send.ts';

describe('EvmEventIndexer (anvil)', () => {
  let devnet: EvmTestDevnet;
  let driver: EvmDriver;
  let d: Deployment;
  let dir: string;

  beforeAll(async () => {
    devnet = await startEvmTestDevnet();
    driver = devnet.driver({ pageSize: 3 });
    d = await driver.deploy({ id: 'indexer-fund', name: 'Indexer Fund', symbol: 'IDX', decimals: 6 });
    dir = mkdtempSync(path.join(tmpdir(), 'fiscus-indexer-'));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await devnet.close();
  });

  it('resumes from its persisted cursor, delivers each event once, and holds back events above the depth', async () => {
    const store = fileCursorStore(path.join(dir, 'cursors.json'));
    const seen: ChainEvent[] = [];
    const indexer = () => new EvmEventIndexer({ driver, deployment: d, store, depth: 2, onEvents: async (es) => void seen.push(...es) });
    const a = devnet.investor().address;
    await mustSend(driver, d, { kind: 'authorize', address: a, investorId: 'inv-idx', country: 840 });
    for (const units of [1n, 2n, 3n, 4n]) await mustSend(driver, d, { kind: 'mint', to: a, units });
    await mustSend(driver, d, { kind: 'freeze', address: a, units: 2n });

    await indexer().poll(); // the last 2 blocks (mint 4, freeze) are not final yet
    expect(seen.filter((e) => e.kind === 'transfer').map((e) => e.kind === 'transfer' && e.units)).toEqual([1n, 2n, 3n]);
    expect(seen[0]).toMatchObject({ kind: 'authorization', address: a, authorized: true });

    await devnet.anvil.cheats.mine(2);
    expect(await indexer().poll()).toBe(2); // a new instance (as after a restart) picks up where the file says
    expect(seen.at(-1)).toMatchObject({ kind: 'freeze', address: a, frozen: true, units: 2n });
    expect(await indexer().poll()).toBe(0);
    const keys = seen.map((e) => `${e.txHash}:${e.index}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
