import { getAddress, type JsonRpcProvider } from 'ethers';
import {
  FiscusError,
  isKeyRotationOperation,
  isPayoutOperation,
  type Capabilities,
  type ChainDriver,
  type ChainEvent,
  type ChainId,
  type ChainOperation,
  type Deployment,
  type KeyRole,
  type KeyRotationOperation,
  type FeeReplacement,
  type PolicySync,
  type FillContext,
  type FundSpec,
  type Holder,
  type Page,
  type Policy,
  type SettlementCaps,
  type PreparedTx,
  type PrepareContext,
  type SettlementAsset,
  type Signer,
  type StablecoinSettlement,
  type SubmitResult,
  type TxStatus,
  type ApprovalPolicy,
  type ApprovalProposal,
  type ApprovalSignature,
  type MultisigApprovals,
  type ProposalSequence,
} from '@fiscus/core';
import { abi } from '../contracts/abi.ts';
import { AdminSender } from '../deploy/admin-tx.ts';
import type { EvmInfrastructure } from '../deploy/infrastructure.ts';
import { applyPolicy } from '../deploy/policy-sync.ts';
import { applySettlementCaps, readSettlementCaps } from '../settlement/caps.ts';
import { deployFundSuite } from '../deploy/suite.ts';
import { ensureNavFeed } from '../deploy/nav-feed.ts';
import { kycClaimFor } from '../kyc/claim-for.ts';
import { MAX_BATCH, encodeOperation, type EncodedCall, type EvmOperation } from '../ops/encode.ts';
import { describeOperation } from '../ops/describe.ts';
import { parseEvmError } from '../errors.ts';
import { DEFAULT_FEE_POLICY, eip1559Fees, withMargin, type FeePolicy } from '../rpc/fees.ts';
import { createEvmProvider } from '../rpc/provider.ts';
import { readContract } from '../rpc/read.ts';
import { signTransaction, signerAddress } from '../signer/ethereum.ts';
import { GATE_ROLE_IDS, roleOfOperation, throughGate } from '../roles/gate.ts';
import { RoleKeys } from '../roles/keys.ts';
import { explainTransfer } from './explain.ts';
import { ensureSettlementContracts } from '../deploy/settlement.ts';
import { DEFAULT_SETTLEMENT_LIMITS, requireSettlement, type EvmSettlementToken, type SettlementLimits } from '../settlement/config.ts';
import { mintLocalUsdc, setLocalUsdcFlag } from '../deploy/local-usdc.ts';
import { checkPayout } from '../settlement/payout.ts';
import { resolveFinality, type EvmFinality } from './finality.ts';
import { EvmReads } from './reads.ts';
import { RawRpc } from '../rpc/raw.ts';
import { signFeeBump, signFiller, signReplacingFiller, type ReplaceContext } from './replace.ts';
import { submitRaw } from './submit.ts';
import { txStatus } from './status.ts';
import { checkEvmApprovals, ensureFundSafe, proposeSafeCall, safePolicyOf, safeProposalSequence, type EvmApprovals } from '../safe/approvals.ts';
import { execTransactionCall, verifySafeApproval } from '../safe/safe-tx.ts';

/** Gas of an execTransaction that could not be estimated (a mint through a Safe, with margin). */
const SAFE_EXEC_FALLBACK_GAS = 1_000_000n;

export interface EvmDriverOptions {
  chainId: bigint;
  url: string;
  /** Signs every engine operation; its nonces belong to the engine's allocator alone. */
  operator: Signer;
  /** Signs deployments and policy updates (several txs each, outside the engine's nonce stream), and key rotations. */
  admin: Signer;
  /**
   * With an infrastructure that has an agentGate: the keys of each gate role (minter: mint/burn;
   * compliance: freeze, forced transfer, recovery, pause, onboarding; oracle: NAV and attestations),
   * each holding only its role on chain. Several keys for a role while it is rotated (the one
   * holding the role on chain signs). Default: the operator for every role.
   */
  roleKeys?: Partial<Record<KeyRole, Signer[]>>;
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
  /** Holders and events per page; default 1,000 (one Multicall3 call of balances per holder page). */
  pageSize?: number;
  /** Widest eth_getLogs block range; default 10,000 (narrowed on the fly when the endpoint refuses it). */
  logRange?: bigint;
  /** Logs one eth_getLogs answer should carry; ranges are sized to it (default LOGS_PER_RANGE, 10,000). */
  logsPerRange?: number;
  provider?: JsonRpcProvider;
  /** M-of-N approvers of large operations: each fund gets a Safe they own at deploy (safe/approvals.ts). */
  approvals?: EvmApprovals;
  /** Caps, liquidity and NAV guards of the settlement contracts deployed with each fund (issue 12). */
  settlementLimits?: Partial<SettlementLimits>;
}

const DEFAULT_PAGE_SIZE = 1_000;

/** ERC-3643 (T-REX v4 + ONCHAINID) driver over ethers v6. */
export class EvmDriver implements ChainDriver, FeeReplacement, PolicySync, StablecoinSettlement, MultisigApprovals {
  readonly chain: ChainId;
  readonly capabilities: Capabilities;
  readonly provider: JsonRpcProvider;
  readonly operatorAddress: string;
  readonly redemptionAddress: string;
  readonly finality: EvmFinality;
  readonly #o: EvmDriverOptions;
  readonly #admin: AdminSender;
  readonly #reads: EvmReads;
  readonly #replace: ReplaceContext;
  /** Set when the infrastructure has an agentGate: role operations are signed by role keys through it. */
  readonly #roles?: RoleKeys;

  constructor(o: EvmDriverOptions) {
    if (o.approvals) checkEvmApprovals(o.approvals);
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
    if (o.infrastructure.agentGate) {
      this.#roles = new RoleKeys(this.provider, o.infrastructure.agentGate, o.roleKeys ?? {}, o.operator);
      this.#roles.add(o.operator);
      for (const role of ['minter', 'compliance', 'oracle'] as const) {
        // The admin's nonces are shared with AdminSender's deployments: it never signs role work.
        if (this.#roles.candidates(role).includes(this.#admin.address)) throw new FiscusError('VALIDATION_FAILED', `the admin key cannot be a ${role} key`);
      }
    }
    this.#replace = {
      provider: this.provider,
      chainId: o.chainId,
      signerOf: (address) => this.#signerAt(address),
      fees: { ...DEFAULT_FEE_POLICY, ...o.fees },
    };
    this.#reads = new EvmReads(this.provider, new RawRpc(o.url), {
      pageSize: o.pageSize ?? DEFAULT_PAGE_SIZE,
      logRange: o.logRange ?? 10_000n,
      logsPerRange: o.logsPerRange,
      finality: this.finality,
    });
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
      // The chain has a settlement stablecoin: funds get subscription / redemption contracts and pay out in it.
      settlement: !!o.infrastructure.settlement,
      // Per fund: only deployments recording a Safe use it (approvalPolicy).
      multisigApprovals: true,
      // Role keys through the FiscusAgentGate (src/roles/): a role's key can be rotated.
      keyRotation: this.#roles !== undefined,
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
        .then(async (details) => ({ ...details, ...(await this.#settlementContracts(fund, details)) }))
        .then(async (details) => ({ ...details, ...(await this.#safe(fund, details)) }))
        .then((details) => ({ chain: this.chain, details }))
        .catch((e) => Promise.reject(parseEvmError(e)))
    );
  }

  /** The fund's Safe, when this chain has approvers configured. */
  async #safe(fund: FundSpec, details: Record<string, string>): Promise<Record<string, string>> {
    if (!this.#o.approvals) return {};
    return ensureFundSafe(this.#admin, this.#o.approvals, { fund, token: details.token!, gate: this.#o.infrastructure.agentGate });
  }

  approvalPolicy(d: Deployment): ApprovalPolicy | undefined {
    return safePolicyOf(d);
  }

  proposalSequence(_op: ChainOperation, d: Deployment): ProposalSequence {
    return safeProposalSequence(this.provider, d);
  }

  /** The SafeTx the owners sign: the operation's call (through the gate when there is one) at the Safe's nonce `sequence`. */
  async propose(op: EvmOperation, ctx: { deployment: Deployment; sequence: bigint }): Promise<ApprovalProposal> {
    const details = ctx.deployment.details;
    const o = this.#o;
    const claimFor = (_wallet: string, investorId: string) =>
      kycClaimFor({ provider: this.provider, chainId: o.chainId, infra: o.infrastructure, details, claimSigner: o.claimSigner ?? o.admin, investorId });
    const inner = await encodeOperation(op, { chain: this.chain, details, claimFor });
    const description = `${this.chain} ${details.token} ${describeOperation(op)}`;
    return proposeSafeCall({ chainId: o.chainId, deployment: ctx.deployment, gate: o.infrastructure.agentGate, sequence: ctx.sequence, description }, inner);
  }

  verifyApproval(proposal: ApprovalProposal, signature: ApprovalSignature): boolean {
    return verifySafeApproval(proposal, signature);
  }

  /** Signs one call by the operation's key (the executor of a SafeTx pays its gas) at the engine's nonce. */
  async #signCall(op: EvmOperation, ctx: PrepareContext, call: { to: string; data: string }, what: string): Promise<PreparedTx> {
    const signer = this.signerFor(op);
    let gasLimit: bigint;
    try {
      gasLimit = withMargin(await this.provider.estimateGas({ from: signer, to: call.to, data: call.data }));
    } catch {
      gasLimit = SAFE_EXEC_FALLBACK_GAS; // the chain decides; status() reports a revert
    }
    const fees = await eip1559Fees(this.provider, this.#replace.fees);
    const { raw, hash } = await signTransaction(this.#signerAt(signer), {
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
      signer,
      sequence: ctx.sequence,
      description: `${this.chain} ${ctx.deployment.details.token} ${describeOperation(op)} by ${what} (nonce ${ctx.sequence})`,
    };
  }

  #navFeed(fund: FundSpec, details: Record<string, string>): Promise<string> {
    const fromBlock = BigInt(details.deployBlock ?? '0');
    const updater = this.#o.infrastructure.agentGate ?? this.operatorAddress;
    return ensureNavFeed(this.#admin, { fundId: fund.id, symbol: fund.symbol, updater, fromBlock, logRange: this.#reads.o.logRange });
  }

  /** The fund's subscription and redemption (treasury) contracts, when the chain has a stablecoin. */
  async #settlementContracts(fund: FundSpec, details: Record<string, string>): Promise<Record<string, string>> {
    const stablecoin = this.#o.infrastructure.settlement;
    if (!stablecoin) return {};
    return ensureSettlementContracts(this.#admin, {
      fundId: fund.id,
      details,
      navFeed: details.navFeed!,
      stablecoin,
      payer: this.operatorAddress,
      limits: { ...DEFAULT_SETTLEMENT_LIMITS, ...this.#o.settlementLimits },
      logRange: this.#reads.o.logRange,
    });
  }

  settlementAsset(d: Deployment): SettlementAsset {
    return requireSettlement(d).asset;
  }

  /** The fund's FiscusRedemption: subscriptions pay into it, redemptions and payouts pay from it. */
  treasuryAddress(d: Deployment): string {
    return requireSettlement(d).treasury;
  }

  stablecoinBalance(d: Deployment, address: string): Promise<bigint> {
    return readContract<bigint>(this.provider, abi.usdc, requireSettlement(d).asset.address, 'balanceOf', [address]);
  }

  /** Devnet faucet: mints the LOCAL stablecoin (base units) to `to` with the admin key; returns the tx hash. */
  faucetStablecoin(to: string, amount: bigint): Promise<string> {
    return mintLocalUsdc(this.#admin, this.#localStablecoin(), getAddress(to), amount).catch((e) => Promise.reject(parseEvmError(e)));
  }

  /** Devnet only: blacklists / un-blacklists an address or pauses the LOCAL stablecoin (its issuer's powers). */
  setLocalStablecoin(p: { blacklist?: { address: string; on: boolean }; paused?: boolean }): Promise<void> {
    return setLocalUsdcFlag(this.#admin, this.#localStablecoin(), p).catch((e) => Promise.reject(parseEvmError(e)));
  }

  #localStablecoin(): EvmSettlementToken {
    const s = this.#o.infrastructure.settlement;
    if (!s?.local) throw new FiscusError('CAPABILITY_UNSUPPORTED', `${this.chain} has no local devnet stablecoin (a real one is issued by its issuer)`);
    return s;
  }

  /** Mirrors a policy change onto the fund's modules (admin key); returns how many txs it sent. */
  applyPolicy(deployment: Deployment, policy: Policy): Promise<number> {
    return applyPolicy(this.#admin, deployment.details, policy);
  }

  /** The fund's settlement contracts' daily caps and instant-redemption limit (capability `settlement`). */
  settlementCaps(deployment: Deployment): Promise<SettlementCaps> {
    return readSettlementCaps(this.#admin, deployment);
  }

  /** Writes those limits with the admin key (the contracts' owner), only what differs. */
  applySettlementCaps(deployment: Deployment, caps: Partial<SettlementCaps>): Promise<number> {
    return applySettlementCaps(this.#admin, deployment, caps);
  }

  /** Without a gate the operator signs everything; with one, the key of the operation's role (rotations: the admin). */
  signerFor(op: ChainOperation, _deployment?: Deployment): string {
    // The treasury contract's payer is the operator key, gate or not (the gate forwards no payouts).
    if (!this.#roles || isPayoutOperation(op)) return this.operatorAddress;
    const role = roleOfOperation(op);
    return role === 'admin' ? this.#admin.address : this.#roles.active(role);
  }

  /** The key signing `role` operations now (as this process last saw the chain). */
  roleKey(role: KeyRole): string | undefined {
    return this.#roles?.active(role);
  }

  /**
   * With a gate: the key that signs `op`'s role work now, checked against the chain as `prepare` does
   * (a rotation seen on chain answers a retryable CONFLICT). Without a gate: undefined (the operator signs).
   * For a chain driver composing this one that signs its own calls through the gate (the Avalanche L1).
   */
  async roleSigner(op: ChainOperation): Promise<{ address: string; signer: Signer; gate: string } | undefined> {
    if (!this.#roles || isPayoutOperation(op) || isKeyRotationOperation(op)) return undefined;
    const role = roleOfOperation(op) as KeyRole;
    const address = this.#roles.active(role);
    await this.#roles.confirm(role, address);
    return { address, signer: this.#signerAt(address), gate: this.#roles.gate };
  }

  /** The key this driver signs as `address` with (the operator, a role key, or the admin for rotations). */
  #signerAt(address: string): Signer {
    if (address === this.operatorAddress) return this.#o.operator;
    if (address === this.#admin.address && this.#roles) return this.#o.admin;
    const s = this.#roles?.signer(address);
    if (!s) throw new FiscusError('CONFLICT', `this driver holds no key for ${address}`);
    return s;
  }

  async nextSequence(signer: string): Promise<bigint> {
    return BigInt(await this.provider.getTransactionCount(signer, 'pending'));
  }

  async prepare(op: EvmOperation, ctx: PrepareContext): Promise<PreparedTx> {
    if (ctx.deployment.chain !== this.chain) throw new FiscusError('INVALID_CHAIN', `deployment is on ${ctx.deployment.chain}, driver is ${this.chain}`);
    // Approved by the Safe's owners: the transaction is execTransaction of the SafeTx they signed.
    if (ctx.approval) return this.#signCall(op, ctx, execTransactionCall(ctx.approval), `Safe ${ctx.approval.proposal.payload.safe} execTransaction`);
    const details = ctx.deployment.details;
    const o = this.#o;
    const claimFor = (_wallet: string, investorId: string) =>
      kycClaimFor({ provider: this.provider, chainId: o.chainId, infra: o.infrastructure, details, claimSigner: o.claimSigner ?? o.admin, investorId });
    // A payout the stablecoin would refuse is refused here, with its reason, before any nonce is spent.
    if (isPayoutOperation(op)) await checkPayout(this.provider, ctx.deployment, op);
    const { call, signer } = await this.#route(op, () => encodeOperation(op, { chain: this.chain, details, claimFor }));
    // Independent reads, sent together: one round trip of latency instead of three.
    const [gasLimit, fees] = await Promise.all([
      this.provider.estimateGas({ from: signer, to: call.to, data: call.data }).then(withMargin, () => {
        // Would revert now (or depends on an earlier nonce not yet mined): sign anyway with a fixed
        // limit; the chain decides, and a revert is reported by status() with its reason.
        return call.fallbackGas;
      }),
      eip1559Fees(this.provider, this.#replace.fees),
    ]);
    const { raw, hash } = await signTransaction(this.#signerAt(signer), {
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
      signer,
      sequence: ctx.sequence,
      description: `${this.chain} ${details.token} ${describeOperation(op)} (nonce ${ctx.sequence})`,
    };
  }

  /** The bounded fee policy every operation transaction of this driver is priced under. */
  get feePolicy(): FeePolicy {
    return this.#replace.fees;
  }

  /**
   * Which key signs `op` and the call it signs: without a gate the operator calls the contract
   * directly; with one, the role's key calls gate.execute (the chain refuses a key without the
   * role), and a rotation is the admin's rotateRole.
   */
  async #route(op: EvmOperation, encode: () => Promise<EncodedCall>): Promise<{ call: EncodedCall; signer: string }> {
    if (!this.#roles || isPayoutOperation(op)) return { call: await encode(), signer: this.operatorAddress };
    if (isKeyRotationOperation(op)) return { call: await this.#rotation(op, this.#roles), signer: this.#admin.address };
    const role = roleOfOperation(op) as KeyRole;
    const signer = this.#roles.active(role);
    await this.#roles.confirm(role, signer);
    const inner = await encode();
    return { call: { ...throughGate(this.#roles.gate, inner), fallbackGas: inner.fallbackGas + GATE_GAS }, signer };
  }

  /**
   * rotateRole(role, old, new) on the gate: the new key gets the role and the old one loses it in
   * one transaction. The new key must be configured here (or nothing could sign after it); the
   * old one is `oldAddress`, else the configured key holding the role now. Re-signed after the
   * rotation landed (a crash), it becomes a harmless grantRole of a role already held.
   */
  async #rotation(op: KeyRotationOperation, roles: RoleKeys): Promise<EncodedCall> {
    const to = getAddress(op.newAddress);
    if (!roles.candidates(op.role).includes(to)) {
      throw new FiscusError('VALIDATION_FAILED', `${to} is not a configured ${op.role} key: configure it beside the current one before rotating`, {
        meta: { role: op.role, newAddress: to },
      });
    }
    let from = op.oldAddress ? getAddress(op.oldAddress) : undefined;
    if (!from) {
      for (const c of roles.candidates(op.role)) if (c !== to && (await roles.holds(op.role, c))) from = c;
    }
    const role = GATE_ROLE_IDS[op.role];
    const stillHeld = from !== undefined && from !== to && (await roles.holds(op.role, from));
    const data = stillHeld ? abi.agentGate.encodeFunctionData('rotateRole', [role, from, to]) : abi.agentGate.encodeFunctionData('grantRole', [role, to]);
    return { to: roles.gate, data, fallbackGas: 150_000n };
  }

  async fill(p: FillContext): Promise<PreparedTx> {
    return signFiller(this.#replace, p.signer, p.sequence, await eip1559Fees(this.provider, this.#replace.fees), 'sequence filler');
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
    return this.#reads.holders(d, cursor);
  }

  /** One aggregate3 eth_call per 1,000 addresses (JSON-RPC batches where Multicall3 is absent). */
  balancesOf(d: Deployment, addresses: string[]): Promise<bigint[]> {
    return this.#reads.balances.balances(need(d, 'token'), addresses, 'latest');
  }

  events(d: Deployment, fromCursor?: string): Promise<Page<ChainEvent>> {
    return this.#reads.events(d, fromCursor);
  }

  parseError(e: unknown): FiscusError {
    return parseEvmError(e);
  }

  /** Which rule refuses a holder transfer ("Transfer not possible" names none); null = it would pass. */
  explainTransfer(d: Deployment, t: { from: string; to: string; units: bigint }): Promise<FiscusError | null> {
    return explainTransfer(this.provider, d, t);
  }
}

/** The gate's own work on top of the forwarded call (role lookups, the call frame, its event). */
const GATE_GAS = 30_000n;

function need(d: Deployment, key: string): string {
  const v = d.details[key];
  if (!v) throw new FiscusError('NOT_DEPLOYED', `deployment has no ${key}`);
  return v;
}
