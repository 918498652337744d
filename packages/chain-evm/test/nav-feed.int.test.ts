import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deployment } from '@fiscus/core';
import { type EvmDriver, NAV_FEED_DECIMALS, evmAbi, readContract } from '../src/index.ts';
import { startEvmTestDevnet, type EvmTestDevnet } from './support/devnet.ts';
import { mustSend, sendOp } from './support/send.ts';

type RoundData = [bigint, bigint, bigint, bigint, bigint];

describe('FiscusNavFeed: the fund NAV and attestation hash on an EVM chain (anvil)', () => {
  let devnet: EvmTestDevnet;
  let driver: EvmDriver;
  let d: Deployment;
  const feed = () => d.details.navFeed!;
  const read = <T>(fn: string, args: unknown[] = []) => readContract<T>(driver.provider, evmAbi.navFeed, feed(), fn, args);

  beforeAll(async () => {
    devnet = await startEvmTestDevnet();
    driver = devnet.driver();
    d = await driver.deploy({ id: 'nav-fund', name: 'Nav Fund', symbol: 'NAVF', decimals: 6 });
  });
  afterAll(() => devnet.close());

  it('deploys one feed per fund, found again by a repeated deploy', async () => {
    expect(feed()).toMatch(/^0x[0-9a-fA-F]{40}$/);
    expect(await read<bigint>('decimals')).toBe(BigInt(NAV_FEED_DECIMALS));
    expect(await read<string>('description')).toBe('NAVF / USD NAV per unit');
    expect(await read<bigint>('version')).toBe(1n);
    // The gate is the updater: only keys with its oracle role reach publish (test/least-privilege).
    expect((await read<string>('updater')).toLowerCase()).toBe(devnet.infra.agentGate!.toLowerCase());
    const again = await driver.deploy({ id: 'nav-fund', name: 'Nav Fund', symbol: 'NAVF', decimals: 6 });
    expect(again.details.navFeed).toBe(feed());
    const other = await driver.deploy({ id: 'nav-fund-2', name: 'Nav Fund 2', symbol: 'NAV2', decimals: 6 });
    expect(other.details.navFeed).not.toBe(feed());
  });

  it('publishNav writes a round latestRoundData and getRoundData read back, scaled to 18 decimals', async () => {
    await mustSend(driver, d, { kind: 'publishNav', value: 1_000_123n, scale: 6, round: 2n, at: 1_700_000_000 });
    await mustSend(driver, d, { kind: 'publishNav', value: 100_012_345n, scale: 8, round: 3n, at: 1_700_000_600 });
    const latest = await read<RoundData>('latestRoundData');
    expect([...latest]).toEqual([3n, 1_000_123_450_000_000_000n, 1_700_000_600n, 1_700_000_600n, 3n]);
    const r2 = await read<RoundData>('getRoundData', [2n]);
    expect(r2[1]).toBe(1_000_123_000_000_000_000n);
    await expect(read('getRoundData', [9n])).rejects.toThrow(/No data present/);
  });

  it('refuses a round that does not move forward (a replay cannot roll the NAV back)', async () => {
    const s = await sendOp(driver, d, { kind: 'publishNav', value: 999_000n, scale: 6, round: 3n, at: 1_700_000_900 });
    expect(s.kind).toBe('failed');
    expect((await read<RoundData>('latestRoundData'))[1]).toBe(1_000_123_450_000_000_000n);
  });

  it('publishAttestation stores the latest hash and its time', async () => {
    const hash = 'ab'.repeat(32);
    await mustSend(driver, d, { kind: 'publishAttestation', hash, at: 1_700_001_000 });
    expect(await read<string>('latestAttestation')).toBe(`0x${hash}`);
    expect(await read<bigint>('latestAttestationAt')).toBe(1_700_001_000n);
  });

  it('only the operator (updater) may write', async () => {
    const stranger = devnet.investor().connect(driver.provider);
    await devnet.fund(stranger.address);
    const data = evmAbi.navFeed.encodeFunctionData('publish', [10n, 1n, 1n]);
    await expect(stranger.sendTransaction({ to: feed(), data, gasLimit: 200_000n }).then((t) => t.wait())).rejects.toThrow();
    expect(await read<bigint>('latestRound')).toBe(3n);
  });
});
