import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChainEvent, Deployment } from '@fiscus/core';
import { AdminSender, devSecp256k1Signer, evmAbi, type EvmDriver } from '../src/index.ts';
import { startEvmTestDevnet, type EvmTestDevnet } from './support/devnet.ts';
import { mustSend } from './support/send.ts';

/**
 * T-REX `batchTransfer` is open to any holder: two transfers to the redemption wallet in ONE
 * transaction must be two events (same hash, distinct log indexes), or ingest would book one.
 */
describe('EvmDriver events: several transfers in one transaction (anvil)', () => {
  let devnet: EvmTestDevnet;
  let driver: EvmDriver;
  let d: Deployment;
  beforeAll(async () => {
    devnet = await startEvmTestDevnet();
    driver = devnet.driver();
    d = await driver.deploy({ id: 'batch-fund', name: 'Batch Fund', symbol: 'BAT', decimals: 6 });
  });
  afterAll(() => devnet.close());

  it('batchTransfer of 1 and 2 units to the redemption wallet: two transfer events, one hash, distinct log indexes', async () => {
    const alice = devnet.investor();
    await mustSend(driver, d, { kind: 'authorize', address: alice.address, investorId: 'inv-batch', country: 840 });
    await mustSend(driver, d, { kind: 'mint', to: alice.address, units: 10n });
    const r = d.details.redemptionAddress!;
    await devnet.fund(alice.address);
    const sender = new AdminSender(driver.provider, devSecp256k1Signer(alice.privateKey), devnet.chainId);
    await sender.call(
      d.details.token!,
      evmAbi.token.encodeFunctionData('batchTransfer', [
        [r, r],
        [1n, 2n],
      ]),
    );

    const seen: ChainEvent[] = [];
    for (let cursor: string | undefined, page; (page = await driver.events(d, cursor)).items.length > 0; cursor = page.next) seen.push(...page.items);
    const toRedemption = seen.filter((e) => e.kind === 'transfer' && e.to === r);
    expect(toRedemption.map((e) => e.kind === 'transfer' && [e.from, e.units])).toEqual([
      [alice.address, 1n],
      [alice.address, 2n],
    ]);
    expect(toRedemption[0]!.txHash).toBe(toRedemption[1]!.txHash);
    expect(toRedemption[0]!.index).not.toBe(toRedemption[1]!.index);
    expect(await driver.balanceOf(d, r)).toBe(3n);
  });
});
