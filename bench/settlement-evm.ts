/**
 * Gas of stablecoin settlement on anvil (issue 12): FiscusSubscription.subscribe after an
 * approve, subscribeWithPermit, FiscusRedemption.redeem, against the same movements done as
 * separate transactions (a plain USDC transfer plus a T-REX mint or burn by an agent). Every
 * figure is steady state: the investor already holds units and USDC, the treasury holds USDC and
 * the day's counters are already non-zero, so no figure carries a first-write (zero → non-zero) cost
 * that its counterpart does not.
 */
import { Wallet } from 'ethers';
import {
  AdminSender,
  EvmDriver,
  devSecp256k1Signer,
  ensureLocalSettlement,
  evmAbi,
  mintLocalUsdc,
  SETTLEMENT_DETAILS,
  signUsdcPermit,
  type EvmSettlementToken,
} from '@fiscus/chain-evm';
import type { Deployment } from '@fiscus/core';
import { investors, sendAll, startBenchChain, type BenchChain } from './evm-chain.ts';
import type { BenchRow } from './table.ts';

const ETH = 10n ** 18n;
const USDC = 1_000_000n;
const AMOUNT = 1_000n * USDC;

/** One investor acting with its own key: approve, permit-sign, subscribe, redeem, transfer. */
class Investor {
  readonly sender: AdminSender;
  constructor(
    readonly wallet: Wallet,
    readonly c: BenchChain,
    readonly d: Deployment,
    readonly usdc: EvmSettlementToken,
  ) {
    this.sender = new AdminSender(c.driver.provider, devSecp256k1Signer(wallet.privateKey), c.chainId);
  }

  async #gas(to: string, data: string): Promise<bigint> {
    return (await this.sender.call(to, data)).gasUsed;
  }

  approve = (amount: bigint) =>
    this.#gas(this.usdc.address, evmAbi.usdc.encodeFunctionData('approve', [this.d.details[SETTLEMENT_DETAILS.subscription], amount]));
  subscribe = (amount: bigint) =>
    this.#gas(this.d.details[SETTLEMENT_DETAILS.subscription]!, evmAbi.subscription.encodeFunctionData('subscribe', [amount, 0n]));
  redeem = (units: bigint) => this.#gas(this.d.details[SETTLEMENT_DETAILS.redemption]!, evmAbi.redemption.encodeFunctionData('redeem', [units, 0n]));
  transfer = (to: string, amount: bigint) => this.#gas(this.usdc.address, evmAbi.usdc.encodeFunctionData('transfer', [to, amount]));

  async subscribeWithPermit(amount: bigint): Promise<bigint> {
    const spender = this.d.details[SETTLEMENT_DETAILS.subscription]!;
    const read = async (fn: string, args: unknown[] = []) =>
      evmAbi.usdc.decodeFunctionResult(fn, await this.c.driver.provider.call({ to: this.usdc.address, data: evmAbi.usdc.encodeFunctionData(fn, args) }))[0];
    const deadline = BigInt(Math.floor(Date.now() / 1000) + 3600);
    const sig = await signUsdcPermit(this.wallet, {
      token: this.usdc.address,
      name: await read('name'),
      chainId: this.c.chainId,
      spender,
      value: amount,
      nonce: await read('nonces', [this.wallet.address]),
      deadline,
    });
    return this.#gas(spender, evmAbi.subscription.encodeFunctionData('subscribeWithPermit', [amount, 0n, deadline, sig.v, sig.r, sig.s]));
  }
}

export async function benchSettlementEvm(): Promise<BenchRow[]> {
  const base = await startBenchChain();
  const adminSigner = devSecp256k1Signer(base.keys.admin);
  const infra = await ensureLocalSettlement({ url: base.anvil.url, chainId: base.chainId, admin: adminSigner, infrastructure: base.infra });
  const driver = new EvmDriver({
    chainId: base.chainId,
    url: base.anvil.url,
    admin: adminSigner,
    operator: devSecp256k1Signer(base.keys.operator),
    infrastructure: infra,
    settlementLimits: { dailySubscriptionCapUsd: 0n, investorDailyCapUsd: 0n, dailyRedemptionLiquidityUsd: 10n ** 9n },
  });
  const c: BenchChain = { ...base, driver, infra };
  try {
    const usdc = infra.settlement!;
    const admin = new AdminSender(driver.provider, adminSigner, base.chainId);
    const d = await driver.deploy({ id: 'bench-settlement', name: 'Bench settlement', symbol: 'BSET', decimals: 6 });
    const at = (await driver.provider.getBlock('latest'))!.timestamp;
    await sendAll(c, d, [{ kind: 'publishNav', value: 1_050_000n, scale: 6, round: 1n, at }]);
    const keys = await investors(c, d, 3);
    const [a, b, x] = await Promise.all(
      keys.map(async ({ key, address }) => {
        await base.anvil.cheats.setBalance(address, ETH);
        await mintLocalUsdc(admin, usdc, address, 100n * AMOUNT);
        return new Investor(new Wallet(key), c, d, usdc);
      }),
    );
    const treasury = driver.treasuryAddress(d);
    const token = d.details.token!;

    // Warm-up: every account and counter the measured calls touch becomes non-zero.
    await a!.approve(AMOUNT);
    await a!.subscribe(AMOUNT);
    await b!.subscribeWithPermit(AMOUNT);
    await a!.redeem(10n * USDC);
    await x!.transfer(treasury, USDC);

    const approve = await a!.approve(AMOUNT);
    const subscribe = await a!.subscribe(AMOUNT);
    const permit = await b!.subscribeWithPermit(AMOUNT);
    const redeem = await a!.redeem(100n * USDC);
    const transfer = await x!.transfer(treasury, AMOUNT);
    // The admin key is one of the token's agents: a mint and a burn without the settlement contracts.
    const mint = (await admin.call(token, evmAbi.token.encodeFunctionData('mint', [a!.wallet.address, 100n * USDC]))).gasUsed;
    const burn = (await admin.call(token, evmAbi.token.encodeFunctionData('burn', [a!.wallet.address, 100n * USDC]))).gasUsed;
    const payBack = await x!.transfer(a!.wallet.address, 100n * USDC); // stands in for the treasury paying the redeemer

    const ratio = (n: bigint, dd: bigint) => `${(Number(n) / Number(dd)).toFixed(2)}×`;
    const separate = transfer + mint;
    const row = (metric: string, value: bigint | string, note = ''): BenchRow => ({ bench: 'settlement evm gas', metric, value: String(value), note });
    return [
      row('USDC transfer (plain ERC-20, investor → treasury)', transfer, 'baseline'),
      row('T-REX mint (agent, separate tx)', mint, 'baseline'),
      row('T-REX burn (agent, separate tx)', burn, 'baseline'),
      row('subscribe (after approve)', subscribe, `1 tx, atomic; + approve ${approve} = ${subscribe + approve} in 2 tx`),
      row('subscribe / (transfer + mint)', ratio(subscribe, separate), `transfer + mint = ${separate} in 2 tx by 2 signers, not atomic`),
      row('(approve + subscribe) / (transfer + mint)', ratio(approve + subscribe, separate), 'approve path: 2 investor tx'),
      row('subscribeWithPermit', permit, '1 tx, EIP-2612 permit signed off chain'),
      row('subscribeWithPermit / (transfer + mint)', ratio(permit, separate), ''),
      row('redeem (instant, burns + pays USDC)', redeem, '1 tx, atomic'),
      row('redeem / (burn + transfer)', ratio(redeem, burn + payBack), `burn + transfer = ${burn + payBack} in 2 tx`),
    ];
  } finally {
    driver.provider.destroy();
    await base.close();
  }
}
