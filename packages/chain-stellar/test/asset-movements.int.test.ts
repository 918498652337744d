import { randomUUID } from 'node:crypto';
import { Claimant, Operation, xdr } from '@stellar/stellar-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChainEvent, Deployment } from '@fiscus/core';
import { fromDeployment, type StellarDriver } from '../src/index.ts';
import { toEvent, type OpRecord } from '../src/events.ts';
import { LocalNetwork } from './support/local-network.ts';
import { allEvents, runOp } from './support/run-op.ts';

const strip = (events: ChainEvent[]) => events.map(({ txHash: _h, block: _b, index: _i, ...rest }) => rest);

/**
 * Every operation that moves the fund's asset is seen: path payments, claimable balances claimed
 * or clawed back, several payments in one transaction (each its own event, distinct index).
 */
describe('StellarDriver events: every movement of the fund asset', () => {
  let net: LocalNetwork;
  let driver: StellarDriver;
  let dep: Deployment;
  let fundId: string;
  let distribution: string;
  let issuer: string;
  beforeAll(async () => {
    net = await LocalNetwork.start();
    driver = net.driver();
    fundId = `fund_${randomUUID()}`;
    dep = net.deployment = await driver.deploy({ id: fundId, name: 'Movements Fund', symbol: 'MOV', decimals: 6 });
    ({ distribution, issuer } = fromDeployment(dep));
  });
  afterAll(() => net.close());

  async function holder(units: bigint): Promise<string> {
    const a = net.newInvestor();
    await runOp(driver, dep, { kind: 'authorize', address: a, investorId: 'inv_1', country: 840 });
    await runOp(driver, dep, { kind: 'mint', to: a, units });
    return a;
  }
  const balanceIdOf = async (txHash: string) => {
    const tx = net.horizon.ledger.tx(txHash)!;
    const r = (xdr.TransactionResult.fromXdr(tx.resultXdr, 'base64').toXdrObject() as any).result.results[0].tr.createClaimableBalanceResult;
    return `00000000${Buffer.from(r.balanceId.v0).toString('hex')}`;
  };

  it('two payments to the distribution account in ONE transaction are two transfers with distinct indexes', async () => {
    const alice = await holder(10_000_000n);
    const { cursor } = await allEvents(driver, dep);
    const asset = net.asset();
    const hash = await net.holderSubmit(alice, [
      Operation.payment({ destination: distribution, asset, amount: net.amount(1_000_000n) }),
      Operation.payment({ destination: distribution, asset, amount: net.amount(2_000_000n) }),
    ]);
    const { events } = await allEvents(driver, dep, cursor);
    expect(events.map((e) => e.txHash)).toEqual([hash, hash]);
    expect(strip(events)).toEqual([
      { kind: 'transfer', from: alice, to: distribution, units: 1_000_000n },
      { kind: 'transfer', from: alice, to: distribution, units: 2_000_000n },
    ]);
    expect(new Set(events.map((e) => e.index)).size).toBe(2);
  });

  it('same-asset path payments: to the issuer = burn, to the distribution account = transfer, from the issuer = mint', async () => {
    const alice = await holder(10_000_000n);
    const { cursor } = await allEvents(driver, dep);
    const asset = net.asset();
    await net.holderSubmit(alice, [
      Operation.pathPaymentStrictSend({
        sendAsset: asset,
        sendAmount: net.amount(1_000_000n),
        destination: issuer,
        destAsset: asset,
        destMin: net.amount(1_000_000n),
        path: [],
      }),
      Operation.pathPaymentStrictReceive({
        sendAsset: asset,
        sendMax: net.amount(2_000_000n),
        destination: distribution,
        destAsset: asset,
        destAmount: net.amount(2_000_000n),
        path: [],
      }),
    ]);
    await net.submitAs(net.roleKey(fundId, 'issuer'), [
      Operation.pathPaymentStrictReceive({
        sendAsset: asset,
        sendMax: net.amount(5n),
        destination: alice,
        destAsset: asset,
        destAmount: net.amount(5n),
        path: [],
      }),
    ]);
    const { events } = await allEvents(driver, dep, cursor);
    expect(strip(events)).toEqual([
      { kind: 'transfer', from: alice, to: null, units: 1_000_000n },
      { kind: 'transfer', from: alice, to: distribution, units: 2_000_000n },
      { kind: 'transfer', from: null, to: alice, units: 5n },
    ]);
    expect(await driver.totalSupply(dep)).toBe(await sumOfHolders());
  });

  it('claimable balances: claimed by the issuer = burn, by the distribution account = transfer, clawed back = burn; creation reported unmatched', async () => {
    const alice = await holder(10_000_000n);
    const { cursor } = await allEvents(driver, dep);
    const asset = net.asset();
    const create = async (units: bigint, claimant: string) =>
      balanceIdOf(await net.holderSubmit(alice, [Operation.createClaimableBalance({ asset, amount: net.amount(units), claimants: [new Claimant(claimant)] })]));
    const toIssuer = await create(1_000_000n, issuer);
    const toDistribution = await create(2_000_000n, distribution);
    const clawed = await create(3_000_000n, issuer);
    // Still in the supply while they wait (Horizon's claimable_balances_amount).
    expect(await driver.totalSupply(dep)).toBe((await sumOfHolders()) + 6_000_000n);
    const issuerKey = net.roleKey(fundId, 'issuer');
    await net.submitAs(issuerKey, [Operation.claimClaimableBalance({ balanceId: toIssuer })]);
    await net.submitAs(net.roleKey(fundId, 'distribution'), [Operation.claimClaimableBalance({ balanceId: toDistribution })]);
    await net.submitAs(issuerKey, [Operation.clawbackClaimableBalance({ balanceId: clawed })]);

    const { events } = await allEvents(driver, dep, cursor);
    expect(strip(events)).toEqual([
      { kind: 'unmatched', reason: expect.stringMatching(/claimable balance created/), from: alice, to: null, units: 1_000_000n },
      { kind: 'unmatched', reason: expect.stringMatching(/claimable balance created/), from: alice, to: null, units: 2_000_000n },
      { kind: 'unmatched', reason: expect.stringMatching(/claimable balance created/), from: alice, to: null, units: 3_000_000n },
      { kind: 'transfer', from: alice, to: null, units: 1_000_000n },
      { kind: 'transfer', from: alice, to: distribution, units: 2_000_000n },
      { kind: 'transfer', from: alice, to: null, units: 3_000_000n },
    ]);
    expect(await driver.totalSupply(dep)).toBe(await sumOfHolders());
  });

  it('a path payment through the order book (not possible on the local ledger) is reported unmatched, never dropped', async () => {
    const d = fromDeployment(dep);
    const base: OpRecord = {
      id: String((7n << 32n) | 4097n),
      paging_token: '',
      type: 'path_payment_strict_send',
      source_account: 'GALICE',
      transaction_hash: 'ab'.repeat(32),
      from: 'GALICE',
      to: distribution,
    };
    const sold = await toEvent(
      d,
      { ...base, source_asset_code: d.assetCode, source_asset_issuer: d.issuer, source_amount: '1.5000000', asset_type: 'native', amount: '10.0000000' },
      async () => undefined,
    );
    expect(sold).toMatchObject({ kind: 'unmatched', from: 'GALICE', to: null, units: 1_500_000n, block: 7n, index: 4097 });
    const bought = await toEvent(
      d,
      {
        ...base,
        type: 'path_payment_strict_receive',
        source_asset_type: 'native',
        source_amount: '3.0000000',
        asset_code: d.assetCode,
        asset_issuer: d.issuer,
        amount: '2.0000000',
      },
      async () => undefined,
    );
    expect(bought).toMatchObject({ kind: 'unmatched', from: null, to: distribution, units: 2_000_000n });
    const other = await toEvent(d, { ...base, source_asset_type: 'native', asset_type: 'native', amount: '1.0000000' }, async () => undefined);
    expect(other).toBeUndefined();
  });

  async function sumOfHolders(): Promise<bigint> {
    let total = 0n;
    let cursor: string | undefined;
    for (;;) {
      const page = await driver.holders(dep, cursor);
      total += page.items.reduce((s, h) => s + h.units, 0n);
      if (!page.next) return total;
      cursor = page.next;
    }
  }
});
