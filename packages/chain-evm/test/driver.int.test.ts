import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deployment } from '@fiscus/core';
import { EvmDriver, devSecp256k1Signer, evmAbi, readContract } from '../src/index.ts';
import { startEvmTestDevnet, type EvmTestDevnet } from './support/devnet.ts';
import { mustSend } from './support/send.ts';

describe('EvmDriver beyond the conformance suite (anvil)', () => {
  let devnet: EvmTestDevnet;
  let driver: EvmDriver;
  let d: Deployment;
  let holder: string;

  beforeAll(async () => {
    devnet = await startEvmTestDevnet();
    driver = devnet.driver();
    d = await driver.deploy({ id: 'driver-fund', name: 'Driver Fund', symbol: 'DRV', decimals: 2 });
    holder = devnet.investor().address;
    await mustSend(driver, d, { kind: 'authorize', address: holder, investorId: 'inv-holder', country: 840 });
  });
  afterAll(() => devnet.close());

  it('deploys the token with the fund decimals, unpaused, with the agent gate (not a key) as agent', async () => {
    expect(await readContract<bigint>(driver.provider, evmAbi.token, d.details.token!, 'decimals')).toBe(2n);
    expect(await readContract<boolean>(driver.provider, evmAbi.token, d.details.token!, 'paused')).toBe(false);
    expect(await readContract<boolean>(driver.provider, evmAbi.token, d.details.token!, 'isAgent', [devnet.infra.agentGate!])).toBe(true);
    expect(await readContract<boolean>(driver.provider, evmAbi.token, d.details.token!, 'isAgent', [driver.operatorAddress])).toBe(false);
  });

  it('a confirmation whose block leaves the chain is no longer reported; the same bytes land again', async () => {
    const snapshot = await devnet.anvil.cheats.snapshot();
    const tx = await driver.prepare({ kind: 'mint', to: holder, units: 9n }, { deployment: d, sequence: await driver.nextSequence(driver.operatorAddress) });
    expect((await driver.submit(tx)).kind).toBe('accepted');
    await expect.poll(() => driver.status(tx).then((s) => s.kind)).toBe('confirmed');
    await devnet.anvil.cheats.revert(snapshot); // the block with our tx is gone (as in a reorg)
    expect((await driver.status(tx)).kind).toBe('unknown'); // not confirmed, and not provably dropped
    expect((await driver.submit(tx)).kind).toBe('accepted');
    await expect.poll(() => driver.status(tx).then((s) => s.kind)).toBe('confirmed');
    expect(await driver.balanceOf(d, holder)).toBe(9n);
  });

  it('reports finality only after the configured depth', async () => {
    const deep = devnet.driver({ confirmations: 3 });
    const tx = await deep.prepare({ kind: 'mint', to: holder, units: 1n }, { deployment: d, sequence: await deep.nextSequence(deep.operatorAddress) });
    await deep.submit(tx);
    await expect.poll(() => deep.status(tx)).toMatchObject({ kind: 'confirmed', final: false });
    await devnet.anvil.cheats.mine(3);
    expect(await deep.status(tx)).toMatchObject({ kind: 'confirmed', final: true });
  });

  it('a node that cannot be reached means retryLater / CHAIN_UNAVAILABLE, never a verdict on the tx', async () => {
    const tx = await driver.prepare({ kind: 'mint', to: holder, units: 1n }, { deployment: d, sequence: await driver.nextSequence(driver.operatorAddress) });
    const keys = devnet.keys;
    const dead = new EvmDriver({
      chainId: devnet.chainId,
      url: 'http://127.0.0.1:9',
      infrastructure: devnet.infra,
      operator: devSecp256k1Signer(keys.operator),
      admin: devSecp256k1Signer(keys.admin),
    });
    try {
      expect((await dead.submit(tx)).kind).toBe('retryLater');
      const e = await dead.status(tx).catch((x: unknown) => x);
      expect(dead.parseError(e).code).toBe('CHAIN_UNAVAILABLE');
    } finally {
      dead.provider.destroy();
    }
    await driver.submit(tx); // leave no gap in the operator's nonces
    await expect.poll(() => driver.status(tx).then((s) => s.kind)).toBe('confirmed');
  });

  it('deploys two funds at once from one process (admin transactions are serialised)', async () => {
    const [x, y] = await Promise.all(['par-a', 'par-b'].map((id) => driver.deploy({ id, name: id, symbol: 'PAR', decimals: 6 })));
    expect(x!.details.token).not.toBe(y!.details.token);
    expect(await driver.deploy({ id: 'par-a', name: 'par-a', symbol: 'PAR', decimals: 6 })).toEqual(x);
  });

  it('refuses an operator key equal to the admin key (their nonce streams must stay apart)', () => {
    const k = devSecp256k1Signer(devnet.keys.admin);
    expect(() => new EvmDriver({ chainId: devnet.chainId, url: devnet.anvil.url, infrastructure: devnet.infra, operator: k, admin: k })).toThrow(
      /different keys/,
    );
  });

  it('exposes the revert reason of a failed transaction through status', async () => {
    const tx = await driver.prepare({ kind: 'unpause' }, { deployment: d, sequence: await driver.nextSequence(driver.operatorAddress) });
    await driver.submit(tx);
    await expect.poll(() => driver.status(tx).then((s) => s.kind)).toBe('failed');
    expect(await driver.status(tx)).toMatchObject({ kind: 'failed', error: { code: 'CONFLICT', meta: { revert: 'Pausable: not paused' } } });
  });
});
