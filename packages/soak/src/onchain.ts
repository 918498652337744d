import { Contract, JsonRpcProvider, Wallet, parseEther } from 'ethers';
import { sleep } from './api-calls.ts';

/** What an investor's own wallet calls: the public ABI of USDC and of the fund's settlement contracts. */
const USDC_ABI = ['function approve(address spender, uint256 amount) returns (bool)', 'function balanceOf(address) view returns (uint256)'];
/** The settlement contracts' custom errors, so a refusal is reported by name. */
const SETTLEMENT_ERRORS = [
  'error InstantLimitExceeded(uint256 requested, uint256 available)',
  'error InsufficientLiquidity(uint256 requested, uint256 available)',
  'error InsufficientUnits(uint256 requested, uint256 free)',
  'error DailyCapExceeded(uint256 requested, uint256 available)',
  'error InvestorCapExceeded(uint256 requested, uint256 available)',
  'error ContractPaused()',
  'error TokenPaused()',
  'error NotVerified(address investor)',
  'error WalletFrozen(address investor)',
  'error ComplianceRefused(address investor, uint256 units)',
  'error NavStale(uint80 round, uint256 updatedAt, uint256 maxNavAge)',
  'error NavBelowMinimum(int256 answer, int256 minNav)',
  'error ZeroAmount()',
  'error Slippage(uint256 got, uint256 minimum)',
];
const SUBSCRIPTION_ABI = ['function subscribe(uint256 stablecoinAmount, uint256 minUnits) returns (uint256)', ...SETTLEMENT_ERRORS];
const REDEMPTION_ABI = ['function redeem(uint256 units, uint256 minAmount) returns (uint256)', ...SETTLEMENT_ERRORS];
const TOKEN_ABI = ['function balanceOf(address) view returns (uint256)'];

/** A transaction the chain does not mine within this long (a paused node) is given up by the client, not by the chain. */
const TX_TIMEOUT_MS = 45_000;

/** The fund's contracts on one EVM chain, as `GET /v1/funds/{id}/deployments` names them. */
export interface SettlementContracts {
  token: string;
  usdc: string;
  subscription: string;
  redemption: string;
}

/** From a deployment's details; undefined when the chain has no stablecoin settlement. */
export function settlementContractsOf(details: Record<string, string> | null | undefined): SettlementContracts | undefined {
  const asset = details?.settlementAsset;
  if (!details?.token || !asset || !details.subscriptionContract || !details.redemptionContract) return undefined;
  const { address } = JSON.parse(asset) as { address: string };
  return { token: details.token, usdc: address, subscription: details.subscriptionContract, redemption: details.redemptionContract };
}

export type OnChainOutcome = { kind: 'landed'; hash: string } | { kind: 'reverted'; reason: string } | { kind: 'no-answer'; reason: string };

/**
 * An investor acting on chain with its own key, as a wallet app would: approve + subscribe in
 * USDC, or redeem units for USDC at the contract. The soak does not book anything itself: the
 * engine must ingest each landed call exactly once, which the reconciliations check at the end.
 */
export class OnChainInvestor {
  private readonly provider: JsonRpcProvider;
  private readonly wallet: Wallet;
  constructor(
    rpcUrl: string,
    privateKey: string,
    private readonly c: SettlementContracts,
  ) {
    this.provider = new JsonRpcProvider(rpcUrl, undefined, { staticNetwork: true, cacheTimeout: -1, batchMaxCount: 1 });
    this.wallet = new Wallet(privateKey, this.provider);
  }

  /** Gas for the investor's own transactions (a devnet's anvil_setBalance; the L1 stand-in forwards it). */
  async fundGas(): Promise<void> {
    await this.provider.send('anvil_setBalance', [this.wallet.address, `0x${parseEther('10').toString(16)}`]);
  }

  async units(): Promise<bigint> {
    return (await new Contract(this.c.token, TOKEN_ABI, this.provider).getFunction('balanceOf')(this.wallet.address)) as bigint;
  }

  async subscribe(usdc: bigint): Promise<OnChainOutcome> {
    const approved = await this.send(new Contract(this.c.usdc, USDC_ABI, this.wallet), 'approve', [this.c.subscription, usdc]);
    if (approved.kind !== 'landed') return approved;
    return this.send(new Contract(this.c.subscription, SUBSCRIPTION_ABI, this.wallet), 'subscribe', [usdc, 0n]);
  }

  redeem(units: bigint): Promise<OnChainOutcome> {
    return this.send(new Contract(this.c.redemption, REDEMPTION_ABI, this.wallet), 'redeem', [units, 0n]);
  }

  close(): void {
    this.provider.destroy();
  }

  private async send(contract: Contract, fn: string, args: unknown[]): Promise<OnChainOutcome> {
    let hash: string;
    try {
      // A refusal at estimation (NotVerified, caps, NAV stale, paused) is the contract saying no: no transaction.
      const tx = await contract.getFunction(fn).send(...args);
      hash = tx.hash;
    } catch (e) {
      return { kind: 'reverted', reason: shortReason(e) };
    }
    for (const deadline = Date.now() + TX_TIMEOUT_MS; Date.now() < deadline; ) {
      try {
        const receipt = await this.provider.getTransactionReceipt(hash);
        if (receipt) return receipt.status === 1 ? { kind: 'landed', hash } : { kind: 'reverted', reason: `${fn} reverted in block ${receipt.blockNumber}` };
      } catch {}
      await sleep(250);
    }
    return { kind: 'no-answer', reason: `${fn} ${hash} not mined within ${TX_TIMEOUT_MS} ms` };
  }
}

/** The contract's own words: a custom error's name, a require's message, else the node's refusal. */
function shortReason(e: unknown): string {
  const err = e as { shortMessage?: string; reason?: string | null; revert?: { name?: string; args?: unknown[] }; info?: { error?: { message?: string } } };
  const custom = err.revert?.name && err.revert.name !== 'Error' ? err.revert.name : undefined;
  return (custom ?? err.reason ?? err.info?.error?.message ?? err.shortMessage ?? String(e)).slice(0, 80);
}
