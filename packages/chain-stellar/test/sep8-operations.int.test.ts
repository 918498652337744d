import { randomUUID } from 'node:crypto';
import { Horizon, TransactionBuilder, type Transaction } from '@stellar/stellar-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deployment } from '@fiscus/core';
import type { StellarDriver } from '../src/index.ts';
import { LocalNetwork } from './support/local-network.ts';
import { runOp } from './support/run-op.ts';

const opTypes = (raw: Uint8Array, passphrase: string) =>
  (TransactionBuilder.fromXDR(Buffer.from(raw).toString('base64'), passphrase) as Transaction).operations.map((o) => o.type);

/** The platform's own operations under SEP-8 (ops.ts toSep8Ops): lines rest, payments are sandwiched. */
describe('StellarDriver on a SEP-8 regulated deployment', () => {
  let net: LocalNetwork;
  let driver: StellarDriver;
  let dep: Deployment;
  const line = async (a: string) => {
    const acc = await new Horizon.Server(net.horizon.url, { allowHttp: true }).loadAccount(a);
    return acc.balances.find((b) => 'asset_code' in b) as { balance: string; is_authorized: boolean; is_authorized_to_maintain_liabilities: boolean };
  };
  beforeAll(async () => {
    net = await LocalNetwork.start();
    driver = net.driver();
    dep = net.deployment = await driver.deploy({ id: `fund_${randomUUID()}`, name: 'Regulated Fund', symbol: 'REG', decimals: 6, sep8: true });
  });
  afterAll(() => net.close());

  it('authorize rests the line; a mint is authorize · payment · back to rest; the holder cannot pay on its own', async () => {
    const a = net.newInvestor();
    await runOp(driver, dep, { kind: 'authorize', address: a, investorId: 'inv_1', country: 840 });
    expect(await line(a)).toMatchObject({ is_authorized: false, is_authorized_to_maintain_liabilities: true });
    expect(await driver.isAuthorized(dep, a)).toBe(true);
    const { tx } = await runOp(driver, dep, { kind: 'mint', to: a, units: 5_000_000n });
    expect(opTypes(tx.raw, net.horizon.ledger.passphrase)).toEqual(['setTrustLineFlags', 'payment', 'setTrustLineFlags']);
    expect(await line(a)).toMatchObject({ balance: '5.0000000', is_authorized: false, is_authorized_to_maintain_liabilities: true });
    const b = net.newInvestor();
    await runOp(driver, dep, { kind: 'authorize', address: b, investorId: 'inv_2', country: 840 });
    await expect(net.holderTransfer(a, b, 1n)).rejects.toThrow(/op_not_authorized/);
  });

  it('a frozen line is never woken: the mint fails op_not_authorized; clawback still works', async () => {
    const a = net.newInvestor();
    await runOp(driver, dep, { kind: 'authorize', address: a, investorId: 'inv_3', country: 840 });
    await runOp(driver, dep, { kind: 'mint', to: a, units: 2_000_000n });
    await runOp(driver, dep, { kind: 'freeze', address: a });
    expect(await driver.isAuthorized(dep, a)).toBe(false);
    const { tx, status } = await runOp(driver, dep, { kind: 'mint', to: a, units: 1n });
    expect(status).toMatchObject({ kind: 'failed', error: { code: 'NOT_AUTHORIZED_ON_CHAIN' } });
    expect(opTypes(tx.raw, net.horizon.ledger.passphrase)).toEqual(['payment']);
    await runOp(driver, dep, { kind: 'burn', from: a, units: 2_000_000n });
    expect(await driver.balanceOf(dep, a)).toBe(0n);
  });

  it('recovery wakes the new wallet for the payment and leaves it resting; the lost line is deauthorized', async () => {
    const lost = net.newInvestor();
    await runOp(driver, dep, { kind: 'authorize', address: lost, investorId: 'inv_4', country: 840 });
    await runOp(driver, dep, { kind: 'mint', to: lost, units: 7_000_000n });
    const fresh = net.newInvestor(); // trustline only, never authorized
    const { tx, status } = await runOp(driver, dep, { kind: 'recover', from: lost, to: fresh, units: 7_000_000n });
    expect(status.kind).toBe('confirmed');
    expect(opTypes(tx.raw, net.horizon.ledger.passphrase)).toEqual(['clawback', 'setTrustLineFlags', 'payment', 'setTrustLineFlags', 'setTrustLineFlags']);
    expect(await line(fresh)).toMatchObject({ balance: '7.0000000', is_authorized: false, is_authorized_to_maintain_liabilities: true });
    expect(await line(lost)).toMatchObject({ balance: '0.0000000', is_authorized: false, is_authorized_to_maintain_liabilities: false });
  });

  it('a batch of maxBatch mints to resting lines fits one transaction (3 operations each ≤ 100)', async () => {
    const n = driver.capabilities.maxBatch;
    expect(n * 3).toBeLessThanOrEqual(100);
    const holders = net.newInvestors(n);
    await runOp(driver, dep, { kind: 'batch', items: holders.map((address) => ({ kind: 'authorize' as const, address, investorId: 'inv_b', country: 840 })) });
    const { tx, status } = await runOp(driver, dep, { kind: 'batch', items: holders.map((to) => ({ kind: 'mint' as const, to, units: 1_000_000n })) });
    expect(status.kind).toBe('confirmed');
    expect(opTypes(tx.raw, net.horizon.ledger.passphrase)).toHaveLength(n * 3);
    expect(await driver.balanceOf(dep, holders[n - 1]!)).toBe(1_000_000n);
  });
});
