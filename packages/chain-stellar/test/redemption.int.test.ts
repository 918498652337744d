import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChainEvent, Deployment } from '@fiscus/core';
import { fromDeployment, type StellarDriver } from '../src/index.ts';
import { LocalNetwork } from './support/local-network.ts';
import { allEvents, runOp } from './support/run-op.ts';

const strip = (events: ChainEvent[]) => events.map(({ txHash: _h, block: _b, index: _i, ...rest }) => rest);

describe('StellarDriver redemption by on-chain payment to the distribution account', () => {
  let net: LocalNetwork;
  let driver: StellarDriver;
  let dep: Deployment;
  let distribution: string;
  let issuer: string;
  beforeAll(async () => {
    net = await LocalNetwork.start();
    driver = net.driver();
    dep = net.deployment = await driver.deploy({ id: `fund_${randomUUID()}`, name: 'Redemption Fund', symbol: 'RDM', decimals: 6 });
    ({ distribution, issuer } = fromDeployment(dep));
  });
  afterAll(() => net.close());

  async function holder(units: bigint): Promise<string> {
    const a = net.newInvestor();
    await runOp(driver, dep, { kind: 'authorize', address: a, investorId: 'inv_1', country: 840 });
    await runOp(driver, dep, { kind: 'mint', to: a, units });
    return a;
  }

  it('redemptionAddress is the distribution account; a payment to it is a transfer, its burn claws it back', async () => {
    expect(dep.details.redemptionAddress).toBe(distribution);
    const alice = await holder(50_000_000n);
    const { cursor } = await allEvents(driver, dep);

    await net.holderTransfer(alice, distribution, 20_000_000n);
    await net.holderTransfer(alice, issuer, 5_000_000n); // paying the issuer burns at once
    const seen = await allEvents(driver, dep, cursor);
    expect(strip(seen.events)).toEqual([
      { kind: 'transfer', from: alice, to: distribution, units: 20_000_000n },
      { kind: 'transfer', from: alice, to: null, units: 5_000_000n },
    ]);
    expect(await driver.totalSupply(dep)).toBe(45_000_000n);

    const burn = await runOp(driver, dep, { kind: 'burn', from: distribution, units: 20_000_000n });
    expect(burn.status.kind).toBe('confirmed');
    expect(await driver.balanceOf(dep, distribution)).toBe(0n);
    expect(await driver.totalSupply(dep)).toBe(25_000_000n);
    // The clawback is in both accounts' histories: reported once.
    const after = await allEvents(driver, dep, seen.cursor);
    expect(after.events).toEqual([expect.objectContaining({ kind: 'transfer', from: distribution, to: null, units: 20_000_000n, txHash: burn.tx.hash })]);
  });

  it('merges both histories in ledger order across small pages, each event once, resumable from any cursor', async () => {
    const small = net.driver({ pageSize: 2 });
    const { cursor: start } = await allEvents(driver, dep);
    const [a, b] = [await holder(10_000_000n), await holder(10_000_000n)];
    await net.holderTransfer(a, distribution, 1_000_000n);
    await net.holderTransfer(b, distribution, 2_000_000n);
    await runOp(driver, dep, { kind: 'burn', from: distribution, units: 3_000_000n });
    await net.holderTransfer(a, distribution, 4_000_000n);
    await runOp(driver, dep, { kind: 'mint', to: b, units: 1n });

    const full = await allEvents(driver, dep, start);
    const paged = await allEvents(small, dep, start);
    expect(paged.events).toEqual(full.events);
    const transfers = strip(full.events.filter((e) => e.kind === 'transfer'));
    expect(transfers).toEqual([
      { kind: 'transfer', from: null, to: a, units: 10_000_000n },
      { kind: 'transfer', from: null, to: b, units: 10_000_000n },
      { kind: 'transfer', from: a, to: distribution, units: 1_000_000n },
      { kind: 'transfer', from: b, to: distribution, units: 2_000_000n },
      { kind: 'transfer', from: distribution, to: null, units: 3_000_000n },
      { kind: 'transfer', from: a, to: distribution, units: 4_000_000n },
      { kind: 'transfer', from: null, to: b, units: 1n },
    ]);
    const order = full.events.map((e) => (e.block << 32n) + BigInt(e.index));
    expect([...order].sort((x, y) => (x < y ? -1 : 1))).toEqual(order);
    // Resuming from a cursor in the middle gives exactly the tail.
    const first = await small.events(dep, start);
    const rest = await allEvents(small, dep, first.next);
    expect([...first.items, ...rest.events]).toEqual(full.events);
  });
});
