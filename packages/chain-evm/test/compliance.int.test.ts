import type { Wallet } from 'ethers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anvilRpc } from '@fiscus/devnet';
import type { Deployment, Policy } from '@fiscus/core';
import { abi } from '../src/contracts/abi.ts';
import { readContract } from '../src/rpc/read.ts';
import type { EvmDriver } from '../src/index.ts';
import { startEvmTestDevnet, type EvmTestDevnet } from './support/devnet.ts';
import { holderTransfer } from './support/holder.ts';
import { mustSend, sendOp } from './support/send.ts';

const US = 840,
  DE = 276,
  KP = 408;
const POLICY: Policy = { blockedJurisdictions: ['KP'], kycRequired: true, maxHolding: 1_000n, maxHolders: 3, lockupSeconds: 3_600 };

describe('our compliance modules on a T-REX token (anvil)', () => {
  let devnet: EvmTestDevnet;
  let driver: EvmDriver;
  let d: Deployment;
  let w: Record<'alice' | 'alice2' | 'bob' | 'kp' | 'charlie' | 'dave' | 'eve', Wallet>;
  const send = (op: Parameters<typeof mustSend>[2]) => mustSend(driver, d, op);
  const transfer = (from: Wallet, to: Wallet, units: bigint) => holderTransfer(devnet, driver.provider, d.details.token!, from, to.address, units);
  const explain = (from: Wallet, to: Wallet, units: bigint) => driver.explainTransfer(d, { from: from.address, to: to.address, units });
  const balance = (x: Wallet) => driver.balanceOf(d, x.address);

  beforeAll(async () => {
    devnet = await startEvmTestDevnet();
    driver = devnet.driver();
    d = await driver.deploy({ id: 'compliance-fund', name: 'Compliance Fund', symbol: 'CPF', decimals: 6, policy: POLICY });
    w = {
      alice: devnet.investor(),
      alice2: devnet.investor(),
      bob: devnet.investor(),
      kp: devnet.investor(),
      charlie: devnet.investor(),
      dave: devnet.investor(),
      eve: devnet.investor(),
    };
    const onboard: [Wallet, string, number][] = [
      [w.alice, 'inv-alice', US],
      [w.alice2, 'inv-alice', US],
      [w.bob, 'inv-bob', DE],
      [w.kp, 'inv-kp', KP],
      [w.dave, 'inv-dave', US],
      [w.eve, 'inv-eve', US],
    ];
    for (const [wallet, investorId, country] of onboard) await send({ kind: 'authorize', address: wallet.address, investorId, country });
    await send({ kind: 'mint', to: w.alice.address, units: 500n });
  });
  afterAll(() => devnet.close());

  it('several wallets of one investor share one ONCHAINID identity', async () => {
    const id = (x: Wallet) => readContract<string>(driver.provider, abi.identityRegistry, d.details.identityRegistry!, 'identity', [x.address]);
    expect(await id(w.alice2)).toBe(await id(w.alice));
    expect(await id(w.bob)).not.toBe(await id(w.alice));
  });

  it('a transfer to an unverified address reverts; parseError and explainTransfer say why', async () => {
    await advanceTime(devnet, 3_601); // past alice's lock-up, so only the receiver is at fault
    const e = await transfer(w.alice, w.charlie, 1n).catch((x: unknown) => x);
    expect(String((e as Error).message)).toMatch(/Transfer not possible/);
    expect(driver.parseError(e).code).toBe('POLICY_DENIED');
    expect((await explain(w.alice, w.charlie, 1n))?.code).toBe('NOT_AUTHORIZED_ON_CHAIN');
  });

  it('a blocked jurisdiction is refused for transfers and mints, naming the rule', async () => {
    await expect(transfer(w.alice, w.kp, 1n)).rejects.toThrow(/Transfer not possible/);
    expect(await explain(w.alice, w.kp, 1n)).toMatchObject({ code: 'POLICY_DENIED', meta: { rule: 'jurisdiction_blocked', actual: String(KP) } });
    const mint = await sendOp(driver, d, { kind: 'mint', to: w.kp.address, units: 1n });
    expect(mint).toMatchObject({ kind: 'failed', error: { code: 'POLICY_DENIED' } });
  });

  it('max balance counts the identity, not the wallet', async () => {
    expect(await sendOp(driver, d, { kind: 'mint', to: w.alice2.address, units: 501n })).toMatchObject({ kind: 'failed', error: { code: 'POLICY_DENIED' } });
    await send({ kind: 'mint', to: w.alice2.address, units: 500n }); // alice's identity now holds exactly 1,000
    await send({ kind: 'mint', to: w.bob.address, units: 10n });
    expect(await explain(w.bob, w.alice, 1n)).toMatchObject({ meta: { rule: 'max_holding', limit: '1000', actual: '1001' } });
  });

  it('lock-up keeps freshly subscribed units until the period ends', async () => {
    await expect(transfer(w.bob, w.dave, 5n)).rejects.toThrow(/Transfer not possible/);
    expect(await explain(w.bob, w.dave, 5n)).toMatchObject({ meta: { rule: 'lockup' } });
    await advanceTime(devnet, 3_601);
    await transfer(w.bob, w.dave, 5n);
    expect(await balance(w.dave)).toBe(5n);
  });

  it('max holders counts investors: a 4th investor is refused, a 2nd wallet of a holder is not', async () => {
    // holders now: alice (2 wallets), bob, dave = 3 investors
    expect(await sendOp(driver, d, { kind: 'mint', to: w.eve.address, units: 1n })).toMatchObject({ kind: 'failed', error: { code: 'POLICY_DENIED' } });
    expect(await explain(w.dave, w.eve, 1n)).toMatchObject({ meta: { rule: 'max_holders' } });
    await transfer(w.alice, w.alice2, 1n); // same investor: no new holder, no balance change
    await transfer(w.dave, w.eve, 5n); // dave leaves entirely, eve enters: still 3 holders
    expect(await balance(w.eve)).toBe(5n);
  });

  it('a policy update reconfigures only the changed modules, once', async () => {
    const relaxed: Policy = { ...POLICY, blockedJurisdictions: [] };
    expect(await driver.applyPolicy(d, relaxed)).toBe(1);
    expect(await driver.applyPolicy(d, relaxed)).toBe(0);
    expect(await explain(w.alice, w.kp, 1n)).toMatchObject({ meta: { rule: 'max_holders' } });
  });

  it('recovery moves a lost wallet to a new wallet of the same identity', async () => {
    const fresh = devnet.investor();
    const before = await balance(w.bob);
    await send({ kind: 'recover', from: w.bob.address, to: fresh.address, units: before });
    expect(await balance(fresh)).toBe(before);
    expect(await balance(w.bob)).toBe(0n);
    expect(await driver.isAuthorized(d, fresh.address)).toBe(true);
    expect(await driver.isAuthorized(d, w.bob.address)).toBe(false);
  });

  it('deauthorized wallets can still be burned and leave the holder count', async () => {
    const count = () => readContract<bigint>(driver.provider, abi.holdings, d.details.holdingsModule!, 'holderCount', [d.details.compliance!]);
    const before = await count();
    await send({ kind: 'deauthorize', address: w.eve.address });
    await send({ kind: 'burn', from: w.eve.address, units: 5n });
    expect(await count()).toBe(before - 1n);
  });
});

async function advanceTime(devnet: EvmTestDevnet, seconds: number) {
  await anvilRpc(devnet.anvil.url, 'evm_increaseTime', [seconds]);
  await devnet.anvil.cheats.mine(1);
}
