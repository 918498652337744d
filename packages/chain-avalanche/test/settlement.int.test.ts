import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stablecoinSettlementOf, unitsForUsd, usdForUnits, type Deployment, type Nav } from '@fiscus/core';
import { AdminSender, devSecp256k1Signer, ensureLocalSettlement, evmAbi, readContract, SETTLEMENT_DETAILS, type EvmSettlementToken } from '@fiscus/chain-evm';
import { AvalancheDriver } from '../src/index.ts';
import { startAvalancheTestDevnet, type AvalancheTestDevnet } from './support/devnet.ts';

const USDC = 1_000_000n;
const NAV: Nav = { value: 1_020_000n, scale: 6 };

/** Sends one engine operation through the driver and waits for it (nonces read from the chain). */
async function send(driver: AvalancheDriver, d: Deployment, op: Parameters<AvalancheDriver['prepare']>[0]): Promise<void> {
  const tx = await driver.prepare(op, { deployment: d, sequence: await driver.nextSequence(driver.operatorAddress) });
  await driver.submit(tx);
  for (let i = 0; i < 200; i++) {
    const s = await driver.status(tx);
    if (s.kind === 'confirmed') return;
    if (s.kind === 'failed' || s.kind === 'dropped') throw new Error(`${op.kind}: ${JSON.stringify(s)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`${op.kind} did not settle`);
}

describe('stablecoin settlement on the Avalanche L1 stand-in (Subnet-EVM allow lists)', () => {
  let devnet: AvalancheTestDevnet;
  let driver: AvalancheDriver;
  let usdc: EvmSettlementToken;
  let d: Deployment;

  beforeAll(async () => {
    devnet = await startAvalancheTestDevnet();
    const admin = devSecp256k1Signer(devnet.keys.admin);
    const infra = await ensureLocalSettlement({ url: devnet.node.url, chainId: devnet.chainId, admin, infrastructure: devnet.infra });
    usdc = infra.settlement!;
    driver = new AvalancheDriver({
      chainId: devnet.chainId,
      url: devnet.node.url,
      admin,
      operator: devSecp256k1Signer(devnet.keys.operator),
      claimSigner: devSecp256k1Signer(devnet.keys.claim),
      allowListAdmin: devSecp256k1Signer(devnet.keys.allowListAdmin),
      infrastructure: infra,
      topUp: devnet.topUp,
      settlementLimits: { dailyRedemptionLiquidityUsd: 1_000n },
    });
    d = await driver.deploy({ id: 'l1-cash', name: 'L1 Cash Fund', symbol: 'L1C', decimals: 6 });
    const now = (await driver.provider.getBlock('latest'))!.timestamp;
    await send(driver, d, { kind: 'publishNav', value: NAV.value, scale: NAV.scale, round: 1n, at: now });
  }, 120_000);
  afterAll(() => devnet?.close());

  it('an allow-listed investor holding only USDC subscribes with approve, redeems instantly and receives USDC read from the chain', async () => {
    expect(stablecoinSettlementOf(driver)?.settlementAsset(d)).toMatchObject({ family: 'evm', address: usdc.address, decimals: 6 });
    const w = devnet.investor();
    // authorize = identity + TxAllowList role + a gas top-up (the investor never had native coin).
    await send(driver, d, { kind: 'authorize', address: w.address, investorId: 'inv-l1', country: 250 });
    await driver.faucetStablecoin(w.address, 500n * USDC);
    const investor = new AdminSender(driver.provider, devSecp256k1Signer(w.privateKey), devnet.chainId);
    const sub = d.details[SETTLEMENT_DETAILS.subscription]!;
    await investor.call(usdc.address, evmAbi.usdc.encodeFunctionData('approve', [sub, 200n * USDC]));
    await investor.call(sub, evmAbi.subscription.encodeFunctionData('subscribe', [200n * USDC, 0n]));
    const units = unitsForUsd(200_000_000n, NAV, 6).result;
    expect(await driver.balanceOf(d, w.address)).toBe(units);
    const treasury = driver.treasuryAddress(d);
    expect(await driver.stablecoinBalance(d, treasury)).toBe(200n * USDC);

    const redeemUnits = units / 2n;
    await investor.call(d.details[SETTLEMENT_DETAILS.redemption]!, evmAbi.redemption.encodeFunctionData('redeem', [redeemUnits, 0n]));
    const paid = usdForUnits(redeemUnits, NAV, 6).result;
    const onChain = await readContract<bigint>(driver.provider, evmAbi.usdc, usdc.address, 'balanceOf', [w.address]);
    expect(onChain).toBe(300n * USDC + paid);
    expect(await driver.stablecoinBalance(d, treasury)).toBe(200n * USDC - paid);
    const events = (await driver.events(d)).items.filter((e) => e.kind === 'cashSubscription' || e.kind === 'cashRedemption');
    expect(events.map((e) => e.kind)).toEqual(['cashSubscription', 'cashRedemption']);
  });

  it('a payout from the treasury lands on the L1 (operator allow-listed, recipient needs no role)', async () => {
    const to = devnet.investor().address;
    await send(driver, d, { kind: 'payout', to, usd: 5_000_000n });
    expect(await driver.stablecoinBalance(d, to)).toBe(5n * USDC);
  });
});
