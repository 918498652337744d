import { getAddress, type JsonRpcProvider } from 'ethers';
import {
  FiscusError,
  type Capabilities,
  type ChainDriver,
  type ChainEvent,
  type ChainId,
  type Deployment,
  type FeeReplacement,
  type PolicySync,
  type FillContext,
  type FundSpec,
  type Holder,
  type Page,
  type Policy,
  type PreparedTx,
  type PrepareContext,
  type Signer,
  type SubmitResult,
  type TxStatus,
} from '@fiscus/core';
import { abi } from '../contracts/abi.ts';
import { AdminSender } from '../deploy/admin-tx.ts';
import type { EvmInfrastructure } from '../deploy/infrastructure.ts';
import { applyPolicy } from '../deploy/policy-sync.ts';
import { deployFundSuite } from '../deploy/suite.ts';
import { ensureNavFeed } from '../deploy/nav-feed.ts';
import { kycClaimFor } from '../kyc/claim-for.ts';
import { MAX_BATCH, encodeOperation, type EvmOperation } from '../ops/encode.ts';
import { describeOperation } from '../ops/describe.ts';
import { parseEvmError } from '../errors.ts';
import { DEFAULT_FEE_POLICY, eip1559Fees, withMargin, type FeePolicy } from '../rpc/fees.ts';
import { createEvmProvider } from '../rpc/provider.ts';
import { readContract } from '../rpc/read.ts';
import { signTransaction, signerAddress } from '../signer/ethereum.ts';
import { explainTransfer } from './explain.ts';
import { resolveFinality, type EvmFinality } from './finality.ts';
import { readEvents, readHolders, type ReadOptions } from './reads.ts';
import { signFeeBump, signFiller, signReplacingFiller, type ReplaceContext } from './replace.ts';
import { submitRaw } from './submit.ts';
import { txStatus } from './status.ts';

export interface EvmDriverOptions {
  chainId: bigint;
  url: string;
  /** Signs every engine operation; its nonces belong to the engine's allocator alone. */
  operator: Signer;
  /** Signs deployments and policy updates (several txs each, outside the engine's nonce stream). */
  admin: Signer;
  /** Key of the platform's KYC claim issuer; default: the admin key. */
  claimSigner?: Signer;
  /**
   * Address of every fund's redemption wallet on this chain (platform-controlled; investors send
   * units there to redeem, the operator burns them as agent); default: the admin key's address.
   */
  redemptionAddress?: string;
  infrastructure: EvmInfrastructure;
  /**
   * When a block is final: `{ kind: 'tag', tag: 'finalized' }` (the node's finalized block) or
   * `{ kind: 'confirmations', depth }`. Wins over `confirmations`.
   */
  finality?: EvmFinality;
  /** Fee cap and replacement bump of operation transactions (default DEFAULT_FEE_POLICY). */
  fees?: Partial<FeePolicy>;
  /** Short for `finality: { kind: 'confirmations', depth }`; default 0 (devnets only: anvil never reorgs on its own). */
  confirmations?: number;
  pageSize?: number;
  /** Widest eth_getLogs block range; default 10,000. */
  logRange?: bigint;
  provider?: JsonRpcProvider;
}

/** ERC-3643 (T-REX v4 + ONCHAINID) driver over ethers v6. */
export class EvmDriver implements ChainDriver, FeeReplacement, PolicySync {
  readonly chain: ChainId;
  readonly capabilities: Capabilities;
  readonly provider: JsonRpcProvider;
  readonly operatorAddress: string;
  readonly redemptionAddress: string;
  readonly finality: EvmFinality;
  readonly #o: EvmDriverOptions;
  readonly #admin: AdminSender;
  readonly #reads: ReadOptions;
  readonly #replace: ReplaceContext;

  constructor(o: EvmDriverOptions) {
    this.#o = o;
    this.chain = `eip155:${o.chainId}`;
    this.provider = o.provider ?? createEvmProvider(o.url, o.chainId);
    this.operatorAddress = signerAddress(o.operator);
    this.#admin = new AdminSender(this.provider, o.admin, o.chainId);
    if (this.#admin.address === this.operatorAddress) throw new FiscusError('VALIDATION_FAILED', 'admin and operator must be different keys');
    this.redemptionAddress = getAddress(o.redemptionAddress ?? this.#admin.address);
    // The operator's nonces belong to the engine; its address receiving units would mix roles.
    if (this.redemptionAddress === this.operatorAddress) throw new FiscusError('VALIDATION_FAILED', 'the redemption wallet cannot be the operator');
    this.finality = resolveFinality(o);
    this.#replace = {
      provider: this.provider,
      chainId: o.chainId,
      operator: o.operator,
      operatorAddress: this.operatorAddress,
      fees: { ...DEFAULT_FEE_POLICY, ...o.fees },
    };
    this.#reads = { pageSize: o.pageSize ?? 100, logRange: o.logRange ?? 10_000n, finality: this.finality };
    this.capabilities = {
      authorize: true,
      freeze: true,
      partialFreeze: true,
      forceTransfer: true,
      clawback: true,
      pause: true,
      recovery: true,
      onchainCompliance: true,
      navFeed: true,
      replaceByFee: true,
      policySync: true,
      maxBatch: MAX_BATCH,
      finality: this.finality,
    };
  }

  deploy(fund: FundSpec): Promise<Deployment> {
    const redemption = { wallet: this.redemptionAddress, claimSigner: this.#o.claimSigner ?? this.#o.admin };
    return (
      deployFundSuite(this.#admin, this.#o.infrastructure, fund, { operator: this.operatorAddress, redemption })
        // The fund's NAV feed (operator = updater, so NAV rounds ride the engine's outbox).
        .then(async (details) => ({ ...details, navFeed: await this.#navFeed(fund, details) }))
        .then((details) => ({ chain: this.chain, details }))
        .catch((e) => Promise.reject(parseEvmError(e)))
    );
  }

  #navFeed(fund: FundSpec, details: Record<string, string>): Promise<string> {
    const fromBlock = BigInt(details.deployBlock ?? '0');
    return ensureNavFeed(this.#admin, { fundId: fund.id, symbol: fund.symbol, updater: this.operatorAddress, fromBlock, logRange: this.#reads.logRange });
  }

  /** Mirrors a policy change onto the fund's modules (admin key); returns how many txs it sent. */
  applyPolicy(deployment: Deployment, policy: Policy): Promise<number> {
    return applyPolicy(this.#admin, deployment.details, policy);
  }

  signerFor(): string {
    return this.operatorAddress;
  }

  async nextSequence(signer: string): Promise<bigint> {
    return BigInt(await this.provider.getTransactionCount(signer, 'pending'));
  }

  async prepare(op: EvmOperation, ctx: PrepareContext): Promise<PreparedTx> {
    if (ctx.deployment.chain !== this.chain) throw new FiscusError('INVALID_CHAIN', `deployment is on ${ctx.deployment.chain}, driver is ${this.chain}`);
    const details = ctx.deployment.details;
    const o = this.#o;
    const claimFor = (_wallet: string, investorId: string) =>
      kycClaimFor({ provider: this.provider, chainId: o.chainId, infra: o.infrastructure, details, claimSigner: o.claimSigner ?? o.admin, investorId });
    const call = await encodeOperation(op, { chain: this.chain, details, claimFor });
    let gasLimit: bigint;
    try {
      gasLimit = withMargin(await this.provider.estimateGas({ from: this.operatorAddress, to: call.to, data: call.data }));
    } catch {
      // Would revert now (or depends on an earlier nonce not yet mined): sign anyway with a fixed
      // limit; the chain decides, and a revert is reported by status() with its reason.
      gasLimit = call.fallbackGas;
    }
    const fees = await eip1559Fees(this.provider, this.#replace.fees);
    const { raw, hash } = await signTransaction(this.#o.operator, {
      type: 2,
      chainId: this.#o.chainId,
      nonce: Number(ctx.sequence),
      to: call.to,
      data: call.data,
      gasLimit,
      ...fees,
    });
    return {
      hash,
      raw: new Uint8Array(Buffer.from(raw.slice(2), 'hex')),
      signer: this.operatorAddress,
      sequence: ctx.sequence,
      description: `${this.chain} ${details.token} ${describeOperation(op)} (nonce ${ctx.sequence})`,
    };
  }

  /** The bounded fee policy every operation transaction of this driver is priced under. */
  get feePolicy(): FeePolicy {
    return this.#replace.fees;
  }

  async fill(p: FillContext): Promise<PreparedTx> {
    if (p.signer !== this.operatorAddress) throw new FiscusError('CONFLICT', `this driver signs as ${this.operatorAddress}, not ${p.signer}`);
    return signFiller(this.#replace, p.sequence, await eip1559Fees(this.provider, this.#replace.fees), 'sequence filler');
  }

  bumpFee(previous: PreparedTx): Promise<PreparedTx | null> {
    return signFeeBump(this.#replace, previous);
  }

  fillerFor(previous: PreparedTx): Promise<PreparedTx> {
    return signReplacingFiller(this.#replace, previous);
  }

  submit(tx: PreparedTx): Promise<SubmitResult> {
    return submitRaw(this.provider, tx);
  }

  status(tx: PreparedTx): Promise<TxStatus> {
    return txStatus(this.provider, tx, this.finality);
  }

  totalSupply(d: Deployment): Promise<bigint> {
    return readContract<bigint>(this.provider, abi.token, need(d, 'token'), 'totalSupply');
  }

  balanceOf(d: Deployment, address: string): Promise<bigint> {
    return readContract<bigint>(this.provider, abi.token, need(d, 'token'), 'balanceOf', [address]);
  }

  isAuthorized(d: Deployment, address: string): Promise<boolean> {
    return readContract<boolean>(this.provider, abi.identityRegistry, need(d, 'identityRegistry'), 'isVerified', [address]);
  }

  holders(d: Deployment, cursor?: string): Promise<Page<Holder>> {
    return readHolders(this.provider, d, this.#reads, cursor);
  }

  events(d: Deployment, fromCursor?: string): Promise<Page<ChainEvent>> {
    return readEvents(this.provider, d, this.#reads, fromCursor);
  }

  parseError(e: unknown): FiscusError {
    return parseEvmError(e);
  }

  /** Which rule refuses a holder transfer ("Transfer not possible" names none); null = it would pass. */
  explainTransfer(d: Deployment, t: { from: string; to: string; units: bigint }): Promise<FiscusError | null> {
    return explainTransfer(this.provider, d, t);
  }
}

function need(d: Deployment, key: string): string {
  const v = d.details[key];
  if (!v) throw new FiscusError('NOT_DEPLOYED', `deployment has no ${key}`);
  return v;
}
