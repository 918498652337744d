import type { Wallet, JsonRpcProvider } from 'ethers';
import { FiscusError, type Deployment } from '@fiscus/core';
import {
  AdminSender,
  EvmDriver,
  devSecp256k1Signer,
  ensureLocalSettlement,
  evmAbi,
  mintLocalUsdc,
  parseEvmError,
  readContract,
  settlementAssetOf,
  SETTLEMENT_DETAILS,
  signUsdcPermit,
  type EvmInfrastructure,
  type EvmSettlementToken,
  type SettlementLimits,
} from '../../src/index.ts';
import type { EvmTestDevnet } from './devnet.ts';

/** The devnet with a local USDC, and a driver that deploys each fund's settlement contracts. */
export async function settlementDriver(
  devnet: EvmTestDevnet,
  limits: Partial<SettlementLimits>,
  o: { pageSize?: number } = {},
): Promise<{ driver: EvmDriver; infra: EvmInfrastructure; usdc: EvmSettlementToken; admin: AdminSender }> {
  const admin = devSecp256k1Signer(devnet.keys.admin);
  const infra = await ensureLocalSettlement({ url: devnet.anvil.url, chainId: devnet.chainId, admin, infrastructure: devnet.infra });
  const driver = new EvmDriver({
    chainId: devnet.chainId,
    url: devnet.anvil.url,
    admin,
    operator: devSecp256k1Signer(devnet.keys.operator),
    claimSigner: devSecp256k1Signer(devnet.keys.claim),
    infrastructure: infra,
    settlementLimits: limits,
    pageSize: o.pageSize,
  });
  return { driver, infra, usdc: infra.settlement!, admin: new AdminSender(driver.provider, admin, devnet.chainId) };
}

/** An investor's wallet acting on chain itself (approve, permit, subscribe, redeem). */
export class InvestorWallet {
  readonly sender: AdminSender;
  constructor(
    readonly wallet: Wallet,
    readonly provider: JsonRpcProvider,
    readonly chainId: bigint,
    readonly d: Deployment,
  ) {
    this.sender = new AdminSender(provider, devSecp256k1Signer(wallet.privateKey), chainId);
  }

  get address(): string {
    return this.wallet.address;
  }

  #usdc = () => settlementAssetOf(this.d)!.address;
  #sub = () => this.d.details[SETTLEMENT_DETAILS.subscription]!;
  #red = () => this.d.details[SETTLEMENT_DETAILS.redemption]!;

  /** Sends a call; a revert comes back as the FiscusError parseEvmError makes of it. */
  async #call(to: string, data: string): Promise<string> {
    try {
      return (await this.sender.call(to, data)).hash;
    } catch (e) {
      throw e instanceof FiscusError ? e : parseEvmError(e);
    }
  }

  approve(amount: bigint) {
    return this.#call(this.#usdc(), evmAbi.usdc.encodeFunctionData('approve', [this.#sub(), amount]));
  }

  subscribe(amount: bigint, minUnits = 0n) {
    return this.#call(this.#sub(), evmAbi.subscription.encodeFunctionData('subscribe', [amount, minUnits]));
  }

  /** EIP-2612 permit signed off chain by the investor, then one transaction. */
  async subscribeWithPermit(amount: bigint, minUnits = 0n): Promise<string> {
    const usdc = this.#usdc();
    const nonce = await readContract<bigint>(this.provider, evmAbi.usdc, usdc, 'nonces', [this.address]);
    const name = await readContract<string>(this.provider, evmAbi.usdc, usdc, 'name');
    const deadline = BigInt(Math.floor(Date.now() / 1000) + 3600);
    const sig = await signUsdcPermit(this.wallet, { token: usdc, name, chainId: this.chainId, spender: this.#sub(), value: amount, nonce, deadline });
    const data = evmAbi.subscription.encodeFunctionData('subscribeWithPermit', [amount, minUnits, deadline, sig.v, sig.r, sig.s]);
    return this.#call(this.#sub(), data);
  }

  redeem(units: bigint, minAmount = 0n) {
    return this.#call(this.#red(), evmAbi.redemption.encodeFunctionData('redeem', [units, minAmount]));
  }

  requestRedeem(units: bigint) {
    return this.#call(this.#red(), evmAbi.redemption.encodeFunctionData('requestRedeem', [units]));
  }
}

/** A funded investor (gas) holding `usdc` base units of the local USDC, and nothing else. */
export async function investorWithUsdc(
  devnet: EvmTestDevnet,
  ctx: { driver: EvmDriver; admin: AdminSender; usdc: EvmSettlementToken },
  d: Deployment,
  usdc: bigint,
): Promise<InvestorWallet> {
  const w = devnet.investor();
  await devnet.fund(w.address);
  if (usdc > 0n) await mintLocalUsdc(ctx.admin, ctx.usdc, w.address, usdc);
  return new InvestorWallet(w, ctx.driver.provider, devnet.chainId, d);
}

/** The latest block's timestamp (the contracts' clock). */
export async function chainNow(provider: JsonRpcProvider): Promise<number> {
  return (await provider.getBlock('latest'))!.timestamp;
}
