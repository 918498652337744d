import { randomUUID } from 'node:crypto';
import { Keypair, TransactionBuilder, type Transaction } from '@stellar/stellar-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deployment } from '@fiscus/core';
import type { StellarDriver } from '../src/index.ts';
import { LocalNetwork } from './support/local-network.ts';
import { allEvents, runOp } from './support/run-op.ts';

const opTypes = (raw: Uint8Array, passphrase: string) =>
  (TransactionBuilder.fromXDR(Buffer.from(raw).toString('base64'), passphrase) as Transaction).operations.map((o) => o.type);

describe('StellarDriver lost-wallet recovery on the local ledger', () => {
  let net: LocalNetwork;
  let driver: StellarDriver;
  let dep: Deployment;
  beforeAll(async () => {
    net = await LocalNetwork.start();
    driver = net.driver();
    dep = net.deployment = await driver.deploy({ id: `fund_${randomUUID()}`, name: 'Recovery Fund', symbol: 'RCV', decimals: 6 });
  });
  afterAll(() => net.close());

  async function holder(units: bigint): Promise<string> {
    const a = net.newInvestor();
    await runOp(driver, dep, { kind: 'authorize', address: a, investorId: 'inv_1', country: 840 });
    if (units > 0n) await runOp(driver, dep, { kind: 'mint', to: a, units });
    return a;
  }

  it('claws back the lost line, authorizes the new one, re-issues and deauthorizes the lost one, in one transaction', async () => {
    expect(driver.capabilities.recovery).toBe(true);
    const lost = await holder(250_000_000n);
    await runOp(driver, dep, { kind: 'freeze', address: lost }); // compliance usually freezes a reported-lost wallet first
    const fresh = net.newInvestor(); // trustline created by the investor, not yet authorized
    expect(await driver.isAuthorized(dep, fresh)).toBe(false);
    const supply = await driver.totalSupply(dep);
    const { cursor } = await allEvents(driver, dep);

    const { tx, status } = await runOp(driver, dep, { kind: 'recover', from: lost, to: fresh, units: 250_000_000n });
    expect(status.kind).toBe('confirmed');
    expect(opTypes(tx.raw, net.horizon.ledger.passphrase)).toEqual(['clawback', 'setTrustLineFlags', 'payment', 'setTrustLineFlags']);
    expect(await driver.balanceOf(dep, lost)).toBe(0n);
    expect(await driver.balanceOf(dep, fresh)).toBe(250_000_000n);
    expect(await driver.isAuthorized(dep, fresh)).toBe(true);
    expect(await driver.trustline(dep, lost)).toEqual({ account: true, exists: true, authorized: false });
    expect(await driver.totalSupply(dep)).toBe(supply);

    const { events } = await allEvents(driver, dep, cursor);
    expect(events.map((e) => e.txHash)).toEqual(Array(4).fill(tx.hash));
    expect(events.map(({ txHash: _h, block: _b, index: _i, ...rest }) => rest)).toEqual([
      { kind: 'transfer', from: lost, to: null, units: 250_000_000n },
      { kind: 'authorization', address: fresh, authorized: true },
      { kind: 'transfer', from: null, to: fresh, units: 250_000_000n },
      { kind: 'authorization', address: lost, authorized: false },
    ]);
    // The lost key can no longer move anything, even if units reached it again.
    await expect(net.holderTransfer(lost, fresh, 1n)).rejects.toThrow(/op_underfunded|op_src_not_authorized/);
  });

  it('into an already authorized wallet: no authorization op; all-or-nothing when the lost line is short', async () => {
    const lost = await holder(10_000_000n);
    const other = await holder(5_000_000n);
    const { tx, status } = await runOp(driver, dep, { kind: 'recover', from: lost, to: other, units: 4_000_000n });
    expect(status.kind).toBe('confirmed');
    expect(opTypes(tx.raw, net.horizon.ledger.passphrase)).toEqual(['clawback', 'payment', 'setTrustLineFlags']);
    expect([await driver.balanceOf(dep, lost), await driver.balanceOf(dep, other)]).toEqual([6_000_000n, 9_000_000n]);

    // 6 left on the lost line; asking for 7 fails on chain and changes nothing.
    const lost2 = await holder(6_000_000n);
    const to = net.newInvestor();
    const failed = await runOp(driver, dep, { kind: 'recover', from: lost2, to, units: 7_000_000n });
    expect(failed.status).toMatchObject({ kind: 'failed', error: { code: 'INSUFFICIENT_BALANCE' } });
    expect(await driver.balanceOf(dep, lost2)).toBe(6_000_000n);
    expect(await driver.isAuthorized(dep, lost2)).toBe(true);
    expect(await driver.isAuthorized(dep, to)).toBe(false);
  });

  it('a recovery into an account without a trustline fails on chain (op_no_trust), nothing moves', async () => {
    const lost = await holder(1_000_000n);
    const nowhere = Keypair.random().publicKey();
    const failed = await runOp(driver, dep, { kind: 'recover', from: lost, to: nowhere, units: 1_000_000n });
    expect(failed.status).toMatchObject({ kind: 'failed', error: { code: 'NOT_AUTHORIZED_ON_CHAIN' } });
    expect(await driver.balanceOf(dep, lost)).toBe(1_000_000n);
  });
});
