import type { Wallet } from 'ethers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deployment, Policy } from '@fiscus/core';
import { abi } from '../src/contracts/abi.ts';
import { readContract } from '../src/rpc/read.ts';
import { signerAddress, devSecp256k1Signer, type EvmDriver } from '../src/index.ts';
import { startEvmTestDevnet, type EvmTestDevnet } from './support/devnet.ts';
import { holderTransfer } from './support/holder.ts';
import { mustSend, sendOp } from './support/send.ts';

// Tight limits and an allow list the platform (country 0) is not on: without the exemption
// every redemption transfer below would be refused.
const POLICY: Policy = { allowedJurisdictions: ['US'], blockedJurisdictions: [], kycRequired: true, maxHolding: 100n, maxHolders: 2 };
const US = 840;

describe('redemption wallet, batched onboarding and recovery to a registered wallet (anvil)', () => {
  let devnet: EvmTestDevnet;
  let driver: EvmDriver;
  let d: Deployment;
  let w: Record<'alice' | 'alice2' | 'bob' | 'carol', Wallet>;
  const send = (op: Parameters<typeof mustSend>[2]) => mustSend(driver, d, op);
  const transfer = (from: Wallet, to: string, units: bigint) => holderTransfer(devnet, driver.provider, d.details.token!, from, to, units);
  const holderCount = () => readContract<bigint>(driver.provider, abi.holdings, d.details.holdingsModule!, 'holderCount', [d.details.compliance!]);
  const fund = { id: 'redemption-fund', name: 'Redemption Fund', symbol: 'RDF', decimals: 6, policy: POLICY };

  beforeAll(async () => {
    devnet = await startEvmTestDevnet();
    driver = devnet.driver();
    d = await driver.deploy(fund);
    w = { alice: devnet.investor(), alice2: devnet.investor(), bob: devnet.investor(), carol: devnet.investor() };
  });
  afterAll(() => devnet.close());

  it('deploy gives the fund a verified, platform-controlled redemption wallet, idempotently', async () => {
    expect(d.details.redemptionAddress).toBe(signerAddress(devSecp256k1Signer(devnet.keys.admin)));
    expect(await driver.isAuthorized(d, d.details.redemptionAddress!)).toBe(true);
    for (const [iface, module] of [
      [abi.holdings, d.details.holdingsModule!],
      [abi.jurisdiction, d.details.jurisdictionModule!],
    ] as const) {
      expect(await readContract<boolean>(driver.provider, iface, module, 'isExempt', [d.details.compliance!, d.details.redemptionAddress!])).toBe(true);
    }
    const nonce = await driver.provider.getTransactionCount(d.details.redemptionAddress!);
    const again = await driver.deploy(fund);
    expect(again.details).toEqual(d.details);
    expect(await driver.provider.getTransactionCount(d.details.redemptionAddress!)).toBe(nonce); // nothing re-sent
  });

  it('onboards a batch of wallets (two of one investor) in ONE transaction', async () => {
    const before = await driver.provider.getTransactionCount(driver.operatorAddress);
    await send({
      kind: 'batch',
      items: [
        { kind: 'authorize', address: w.alice.address, investorId: 'inv-alice', country: US },
        { kind: 'authorize', address: w.alice2.address, investorId: 'inv-alice', country: US },
        { kind: 'authorize', address: w.bob.address, investorId: 'inv-bob', country: US },
        { kind: 'authorize', address: w.carol.address, investorId: 'inv-carol', country: US },
      ],
    });
    expect(await driver.provider.getTransactionCount(driver.operatorAddress)).toBe(before + 1);
    for (const x of Object.values(w)) expect(await driver.isAuthorized(d, x.address)).toBe(true);
    const id = (x: Wallet) => readContract<string>(driver.provider, abi.identityRegistry, d.details.identityRegistry!, 'identity', [x.address]);
    expect(await id(w.alice2)).toBe(await id(w.alice));
    expect(await id(w.bob)).not.toBe(await id(w.alice));
  });

  it('investors redeem by transfer past every limit; events report it; the agent burns it', async () => {
    const r = d.details.redemptionAddress!;
    await send({
      kind: 'batch',
      items: [
        { kind: 'mint', to: w.alice.address, units: 100n },
        { kind: 'mint', to: w.bob.address, units: 100n },
      ],
    });
    expect(await holderCount()).toBe(2n);
    // 200 units in one wallet (max 100) of a third "holder" (max 2), country 0 (allow list US).
    await transfer(w.alice, r, 100n);
    await transfer(w.bob, r, 100n);
    expect(await driver.balanceOf(d, r)).toBe(200n);
    expect(await holderCount()).toBe(0n); // both investors left; the redemption wallet is no holder
    // A regular investor is still held to the limits (carol is the 1st holder now, but max 100).
    await expect(send({ kind: 'mint', to: w.carol.address, units: 101n })).rejects.toThrow(/failed/);

    const events = [];
    let cursor: string | undefined;
    do {
      const page = await driver.events(d, cursor);
      events.push(...page.items);
      cursor = page.next;
    } while (cursor);
    const toRedemption = events.filter((e) => e.kind === 'transfer' && e.to === r);
    expect(toRedemption.map((e) => e.kind === 'transfer' && [e.from, e.units])).toEqual([
      [w.alice.address, 100n],
      [w.bob.address, 100n],
    ]);

    await send({ kind: 'burn', from: r, units: 200n });
    expect(await driver.balanceOf(d, r)).toBe(0n);
    expect(await driver.totalSupply(d)).toBe(0n);
    expect(await holderCount()).toBe(0n);
  });

  it('recovers to a wallet already registered under the same identity, never to another investor', async () => {
    await send({ kind: 'mint', to: w.alice.address, units: 40n });
    await send({ kind: 'freeze', address: w.alice.address, units: 15n });
    const refused = await sendOp(driver, d, { kind: 'recover', from: w.alice.address, to: w.bob.address, units: 40n });
    expect(refused).toMatchObject({ kind: 'failed' });
    expect(await driver.balanceOf(d, w.alice.address)).toBe(40n);

    await send({ kind: 'recover', from: w.alice.address, to: w.alice2.address, units: 40n });
    expect(await driver.balanceOf(d, w.alice2.address)).toBe(40n);
    expect(await driver.balanceOf(d, w.alice.address)).toBe(0n);
    expect(await readContract<bigint>(driver.provider, abi.token, d.details.token!, 'getFrozenTokens', [w.alice2.address])).toBe(15n);
    expect(await driver.isAuthorized(d, w.alice2.address)).toBe(true);
    expect(await driver.isAuthorized(d, w.alice.address)).toBe(false);
    expect(await holderCount()).toBe(1n); // still one investor holding
  });
});
