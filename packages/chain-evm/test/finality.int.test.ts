import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deployment } from '@fiscus/core';
import { evmDriverFromEnv, parseEvmFinality, type EvmDriver } from '../src/index.ts';
import { startEvmTestDevnet, type EvmTestDevnet } from './support/devnet.ts';
import { mustSend } from './support/send.ts';

/** anvil's `finalized` block trails the head by 2 epochs: 2 × 2 slots = 4 blocks. */
const SLOTS = 2;
const LAG = 2 * SLOTS;

describe("EvmDriver finality by the node's finalized tag (anvil --slots-in-an-epoch 2)", () => {
  let devnet: EvmTestDevnet;
  let driver: EvmDriver;
  let tagged: EvmDriver;
  let d: Deployment;
  let holder: string;

  beforeAll(async () => {
    devnet = await startEvmTestDevnet({ anvilArgs: ['--slots-in-an-epoch', String(SLOTS)] });
    driver = devnet.driver();
    tagged = devnet.driver({ finality: { kind: 'tag', tag: 'finalized' } });
    d = await driver.deploy({ id: 'tag-fund', name: 'Tag Fund', symbol: 'TAG', decimals: 6 });
    holder = devnet.investor().address;
    await mustSend(driver, d, { kind: 'authorize', address: holder, investorId: 'inv-tag', country: 840 });
  });
  afterAll(() => devnet.close());

  it('says so in its capabilities', () => {
    expect(tagged.capabilities.finality).toEqual({ kind: 'tag', tag: 'finalized' });
  });

  it('a confirmed transaction is final only once its block is at or under the finalized block; its events only then', async () => {
    await devnet.anvil.cheats.mine(LAG); // everything so far final
    const before = (await tagged.events(d)).next!;
    const tx = await tagged.prepare({ kind: 'mint', to: holder, units: 4n }, { deployment: d, sequence: await tagged.nextSequence(tagged.operatorAddress) });
    expect((await tagged.submit(tx)).kind).toBe('accepted');
    await expect.poll(() => tagged.status(tx)).toMatchObject({ kind: 'confirmed', final: false });
    await devnet.anvil.cheats.mine(LAG - 1);
    expect(await tagged.status(tx)).toMatchObject({ kind: 'confirmed', final: false });
    expect((await tagged.events(d, before)).items).toEqual([]);
    await devnet.anvil.cheats.mine(1);
    expect(await tagged.status(tx)).toMatchObject({ kind: 'confirmed', final: true });
    expect((await tagged.events(d, before)).items).toEqual([expect.objectContaining({ kind: 'transfer', to: holder, units: 4n, txHash: tx.hash })]);
  });

  it('a revert is a verdict (failed) only once its block is final', async () => {
    const tx = await tagged.prepare(
      { kind: 'burn', from: holder, units: 1_000n },
      { deployment: d, sequence: await tagged.nextSequence(tagged.operatorAddress) },
    );
    await tagged.submit(tx);
    await expect.poll(() => driver.status(tx).then((s) => s.kind)).toBe('failed'); // depth 0: at once
    expect((await tagged.status(tx)).kind).toBe('pending');
    await devnet.anvil.cheats.mine(LAG);
    expect(await tagged.status(tx)).toMatchObject({ kind: 'failed', error: { code: 'INSUFFICIENT_BALANCE' } });
  });

  it('a block dropped before it is final never counted: the same bytes land again and only then become final', async () => {
    const snapshot = await devnet.anvil.cheats.snapshot();
    const tx = await tagged.prepare({ kind: 'mint', to: holder, units: 6n }, { deployment: d, sequence: await tagged.nextSequence(tagged.operatorAddress) });
    await tagged.submit(tx);
    await expect.poll(() => tagged.status(tx)).toMatchObject({ kind: 'confirmed', final: false });
    await devnet.anvil.cheats.mine(LAG - 1);
    await devnet.anvil.cheats.revert(snapshot); // the reorg takes the block back before it was final
    await devnet.anvil.cheats.mine(LAG + 1); // and the chain grows past it without our tx
    expect((await tagged.status(tx)).kind).toBe('unknown'); // resend the same bytes (never signed anew)
    expect(await tagged.balanceOf(d, holder)).toBe(4n);
    expect((await tagged.submit(tx)).kind).toBe('accepted');
    await expect.poll(() => tagged.status(tx)).toMatchObject({ kind: 'confirmed', final: false });
    await devnet.anvil.cheats.mine(LAG);
    expect(await tagged.status(tx)).toMatchObject({ kind: 'confirmed', final: true });
    expect(await tagged.balanceOf(d, holder)).toBe(10n);
  });
});

describe('EVM finality settings', () => {
  it('parses "finalized" or a depth, and names the variable otherwise', () => {
    expect(parseEvmFinality('finalized', 'EVM_FINALITY')).toEqual({ kind: 'tag', tag: 'finalized' });
    expect(parseEvmFinality('12', 'EVM_FINALITY')).toEqual({ kind: 'confirmations', depth: 12 });
    expect(() => parseEvmFinality('latest', 'AVALANCHE_FINALITY')).toThrow(/AVALANCHE_FINALITY must be "finalized" or a block depth/);
  });

  it('evmDriverFromEnv (real networks) refuses to build a driver without EVM_FINALITY', () => {
    const key = (b: string) => `0x${b.repeat(32)}`;
    const env = {
      ETHEREUM_RPC_URL: 'http://127.0.0.1:9',
      ETHEREUM_CHAIN_ID: '1',
      EVM_OPERATOR_KEY: key('11'),
      EVM_ADMIN_KEY: key('22'),
      EVM_INFRASTRUCTURE: '{}',
    };
    expect(() => evmDriverFromEnv(env)).toThrow(/EVM_FINALITY is not set/);
    const driver = evmDriverFromEnv({ ...env, EVM_FINALITY: 'finalized' });
    expect(driver.capabilities.finality).toEqual({ kind: 'tag', tag: 'finalized' });
    driver.provider.destroy();
  });
});
