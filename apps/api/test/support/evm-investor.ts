import type { JsonRpcProvider, Wallet } from 'ethers';
import { AdminSender, SETTLEMENT_DETAILS, devSecp256k1Signer, evmAbi, readContract, signUsdcPermit } from '@fiscus/chain-evm';

/**
 * An investor's own calls to a fund's settlement contracts on an EVM chain (Ethereum or the L1),
 * signed with the investor's key — never the platform's: USDC approve / EIP-2612 permit,
 * FiscusSubscription.subscribe, FiscusRedemption.redeem / requestRedeem. The addresses are the
 * ones the API publishes in the deployment's details.
 */
export class EvmInvestor {
  readonly #sender: AdminSender;
  readonly usdc: string;
  readonly subscription: string;
  readonly redemption: string;

  constructor(
    readonly wallet: Wallet,
    readonly provider: JsonRpcProvider,
    readonly chainId: bigint,
    details: Record<string, string>,
  ) {
    this.#sender = new AdminSender(provider, devSecp256k1Signer(wallet.privateKey), chainId);
    this.usdc = (JSON.parse(details[SETTLEMENT_DETAILS.asset]!) as { address: string }).address;
    this.subscription = details[SETTLEMENT_DETAILS.subscription]!;
    this.redemption = details[SETTLEMENT_DETAILS.redemption]!;
  }

  get address(): string {
    return this.wallet.address;
  }

  usdcOf(address: string): Promise<bigint> {
    return readContract<bigint>(this.provider, evmAbi.usdc, this.usdc, 'balanceOf', [address]);
  }

  async approve(amount: bigint): Promise<void> {
    await this.#sender.call(this.usdc, evmAbi.usdc.encodeFunctionData('approve', [this.subscription, amount]));
  }

  async subscribe(amount: bigint, minUnits = 0n): Promise<void> {
    await this.#sender.call(this.subscription, evmAbi.subscription.encodeFunctionData('subscribe', [amount, minUnits]));
  }

  /** The permit is signed off chain (EIP-712) and travels inside the one subscription transaction. */
  async subscribeWithPermit(amount: bigint, minUnits = 0n): Promise<void> {
    const [nonce, name, block] = await Promise.all([
      readContract<bigint>(this.provider, evmAbi.usdc, this.usdc, 'nonces', [this.address]),
      readContract<string>(this.provider, evmAbi.usdc, this.usdc, 'name'),
      this.provider.getBlock('latest'),
    ]);
    const deadline = BigInt(block!.timestamp + 3600);
    const sig = await signUsdcPermit(this.wallet, {
      token: this.usdc,
      name,
      chainId: this.chainId,
      spender: this.subscription,
      value: amount,
      nonce,
      deadline,
    });
    const data = evmAbi.subscription.encodeFunctionData('subscribeWithPermit', [amount, minUnits, deadline, sig.v, sig.r, sig.s]);
    await this.#sender.call(this.subscription, data);
  }

  async redeem(units: bigint, minAmount = 0n): Promise<void> {
    await this.#sender.call(this.redemption, evmAbi.redemption.encodeFunctionData('redeem', [units, minAmount]));
  }

  async requestRedeem(units: bigint): Promise<void> {
    await this.#sender.call(this.redemption, evmAbi.redemption.encodeFunctionData('requestRedeem', [units]));
  }
}
