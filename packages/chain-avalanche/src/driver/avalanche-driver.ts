import type { JsonRpcProvider } from 'ethers';
import {
  FiscusError,
  singleOperations,
  type Capabilities,
  type ChainDriver,
  type ChainEvent,
  type ChainId,
  type ChainOperation,
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
  type SettlementAsset,
  type Signer,
  type SettlementCaps,
  type SettlementCapsControl,
  type StablecoinSettlement,
  type SubmitResult,
  type TxStatus,
  type KeyRole,
  type ApprovalPolicy,
  type ApprovalProposal,
  type ApprovalSignature,
  type MultisigApprovals,
  type ProposalSequence,
} from '@fiscus/core';
import {
  AdminSender,
  EvmDriver,
  describeOperation,
  eip1559Fees,
  encodeOperation,
  evmAbi,
  kycClaimFor,
  readContract,
  signTransaction,
  signerAddress,
  throughGate,
  withMargin,
  type EncodedCall,
  type EvmApprovals,
  type EvmFinality,
  type FeePolicy,
  type SettlementLimits,
} from '@fiscus/chain-evm';
import { allowListAbi, gatekeeperAbi } from '../contracts.ts';
import { parseAvalancheError } from '../errors.ts';
import { PRECOMPILES } from '../genesis.ts';
import type { AvalancheInfrastructure } from '../infrastructure.ts';
import { allowListEffect, needsGatekeeper } from '../ops.ts';
import { explainSubmitRefusal, missingRoles, needsOf, type GatekeeperNeeds } from '../refusals.ts';
import { ROLE, assertKeepsAnAdmin, readRole, type AllowListName, type RoleName } from '../precompiles.ts';

export interface GasTopUp {
  /** Native coin (wei) minted to an onboarded wallet whose balance is below `threshold`. */
  amount: bigint;
  threshold: bigint;
}

export interface AvalancheDriverOptions {
  /** The L1's EVM chain id (its genesis config.chainId). */
  chainId: bigint;
  /** The L1's RPC endpoint (…/ext/bc/<blockchainId>/rpc on a real node; the gate on the devnet). */
  url: string;
  operator: Signer;
  admin: Signer;
  /**
   * With an infrastructure that has an agentGate: each gate role's keys, as chain-evm's EvmDriver
   * (minter: mint/burn; compliance: freezes, forced transfers, recovery, pause, onboarding — and the
   * gatekeeper's allow-list work; oracle: NAV). Several while a role is rotated. Default: the operator.
   */
  roleKeys?: Partial<Record<KeyRole, Signer[]>>;
  claimSigner?: Signer;
  /** Admin of the three allow lists; signs role changes (never an engine operation). */
  allowListAdmin?: Signer;
  infrastructure: AvalancheInfrastructure;
  /** Every fund's redemption wallet (EvmDriver's option; default the admin key's address). */
  redemptionAddress?: string;
  topUp: GasTopUp;
  /** Admin addresses the genesis set per list: candidates for the last-admin guard. */
  genesisAdmins?: Partial<Record<AllowListName, string[]>>;
  /** EvmDriver's fee cap and replacement bump (default chain-evm's DEFAULT_FEE_POLICY). */
  fees?: Partial<FeePolicy>;
  /** EvmDriver's finality (Subnet-EVM: `finalized` = the last accepted block, final under Snowman). */
  finality?: EvmFinality;
  /** Short for `finality: { kind: 'confirmations', depth }`; default 0 (the stand-in only). */
  confirmations?: number;
  pageSize?: number;
  logRange?: bigint;
  /** EvmDriver's settlement contract caps, liquidity and NAV guards (issue 12). */
  settlementLimits?: Partial<SettlementLimits>;
  /**
   * M-of-N approvers (chain-evm's Safe approvals): each fund deployed gets a Safe they own holding the
   * minting right (the agent gate's MINTER role; a token agent on a record without a gate). Supply
   * changes only: an operation that moves the allow list is not approved through the Safe.
   */
  approvals?: EvmApprovals;
}

// The gatekeeper's own work on top of the wrapped call: role reads/writes, a mint, events.
const GATEKEEPER_GAS = 250_000n;
// Each pass through the agent gate (role lookup, call frame, event); chain-evm's GATE_GAS.
const GATE_GAS = 30_000n;

/**
 * ERC-3643 on an Avalanche L1: the EvmDriver does the token work (composed, not forked); this
 * driver adds the chain-level permissions. Operations that change who may transact (authorize,
 * deauthorize, full freeze/unfreeze, recover) are ONE transaction to the FiscusL1Gatekeeper, which
 * makes the T-REX call and the TxAllowList / NativeMinter calls atomically (see README).
 */
export class AvalancheDriver implements ChainDriver, FeeReplacement, PolicySync, StablecoinSettlement, SettlementCapsControl, MultisigApprovals {
  readonly chain: ChainId;
  readonly capabilities: Capabilities;
  readonly evm: EvmDriver;
  readonly provider: JsonRpcProvider;
  readonly operatorAddress: string;
  readonly #o: AvalancheDriverOptions;
  readonly #admin: AdminSender;

  constructor(o: AvalancheDriverOptions) {
    if (o.topUp.amount < 0n || o.topUp.threshold < 0n) throw new FiscusError('VALIDATION_FAILED', 'gas top-up amount and threshold must be >= 0');
    this.#o = o;
    this.evm = new EvmDriver({
      chainId: o.chainId,
      url: o.url,
      operator: o.operator,
      admin: o.admin,
      roleKeys: o.roleKeys,
      claimSigner: o.claimSigner,
      infrastructure: o.infrastructure,
      ...(o.redemptionAddress ? { redemptionAddress: o.redemptionAddress } : {}),
      fees: o.fees,
      finality: o.finality,
      confirmations: o.confirmations,
      pageSize: o.pageSize,
      logRange: o.logRange,
      settlementLimits: o.settlementLimits,
      approvals: o.approvals,
    });
    this.chain = this.evm.chain;
    this.capabilities = this.evm.capabilities;
    this.provider = this.evm.provider;
    this.operatorAddress = this.evm.operatorAddress;
    this.#admin = new AdminSender(this.provider, o.admin, o.chainId);
  }

  get gatekeeper(): string {
    return this.#o.infrastructure.gatekeeper;
  }

  /** The FiscusAgentGate of the infrastructure (records since issue 13); undefined on an older record. */
  get agentGate(): string | undefined {
    return this.#o.infrastructure.agentGate;
  }

  /**
   * The T-REX suite (with a gate: the gate is its agent, as on Ethereum, and the gatekeeper reaches
   * it through the gate); without a gate, the gatekeeper is made a token agent (it freezes /
   * unfreezes). Idempotent.
   */
  async deploy(fund: FundSpec): Promise<Deployment> {
    const d = await this.evm.deploy(fund);
    const token = d.details.token!;
    if (this.agentGate) return { chain: this.chain, details: { ...d.details, gatekeeper: this.gatekeeper } };
    try {
      if (!(await readContract<boolean>(this.provider, evmAbi.token, token, 'isAgent', [this.gatekeeper]))) {
        await this.#admin.call(token, evmAbi.token.encodeFunctionData('addAgent', [this.gatekeeper]));
      }
    } catch (e) {
      throw await explainSubmitRefusal(this.provider, signerAddress(this.#o.admin), parseAvalancheError(e));
    }
    return { chain: this.chain, details: { ...d.details, gatekeeper: this.gatekeeper } };
  }

  settlementAsset(d: Deployment): SettlementAsset {
    return this.evm.settlementAsset(d);
  }

  treasuryAddress(d: Deployment): string {
    return this.evm.treasuryAddress(d);
  }

  stablecoinBalance(d: Deployment, address: string): Promise<bigint> {
    return this.evm.stablecoinBalance(d, address);
  }

  /** Devnet faucet of the L1's local stablecoin (no allow-list role is needed to receive it). */
  faucetStablecoin(to: string, amount: bigint): Promise<string> {
    return this.evm.faucetStablecoin(to, amount);
  }

  setLocalStablecoin(p: { blacklist?: { address: string; on: boolean }; paused?: boolean }): Promise<void> {
    return this.evm.setLocalStablecoin(p);
  }

  settlementCaps(deployment: Deployment): Promise<SettlementCaps> {
    return this.evm.settlementCaps(deployment);
  }

  applySettlementCaps(deployment: Deployment, caps: Partial<SettlementCaps>): Promise<number> {
    return this.evm.applySettlementCaps(deployment, caps);
  }

  applyPolicy(deployment: Deployment, policy: Policy): Promise<number> {
    return this.evm.applyPolicy(deployment, policy);
  }

  /** Without a gate the operator signs everything; with one, the key of the operation's role (chain-evm's rule). */
  signerFor(op: ChainOperation, deployment?: Deployment): string {
    return this.agentGate ? this.evm.signerFor(op as never, deployment) : this.operatorAddress;
  }

  /** The key signing `role` operations now (undefined without a gate). */
  roleKey(role: KeyRole): string | undefined {
    return this.evm.roleKey(role);
  }

  nextSequence(signer: string): Promise<bigint> {
    return this.evm.nextSequence(signer);
  }

  approvalPolicy(d: Deployment): ApprovalPolicy | undefined {
    return this.evm.approvalPolicy(d);
  }

  proposalSequence(op: ChainOperation, d: Deployment): ProposalSequence {
    return this.evm.proposalSequence(op, d);
  }

  /**
   * The SafeTx the owners sign (chain-evm's): the call through the agent gate, which the Safe may make
   * as a MINTER. The executor of the signed SafeTx is the operation's key (the minter's), which the L1
   * allow-lists: the TxAllowList checks the transaction's sender, never the Safe that calls on.
   */
  async propose(op: ChainOperation, ctx: { deployment: Deployment; sequence: bigint }): Promise<ApprovalProposal> {
    if (allowListEffect(op, this.chain, ctx.deployment.details.identityRegistry) || needsGatekeeper(op)) {
      throw new FiscusError('CAPABILITY_UNSUPPORTED', `${op.kind} changes the L1's allow list: it is not approved through the fund's Safe`);
    }
    return this.evm.propose(op as never, ctx);
  }

  verifyApproval(proposal: ApprovalProposal, signature: ApprovalSignature): boolean {
    return this.evm.verifyApproval(proposal, signature);
  }

  async prepare(op: ChainOperation, ctx: PrepareContext): Promise<PreparedTx> {
    const effect = allowListEffect(op, this.chain, ctx.deployment.details.identityRegistry);
    // An approved operation is the Safe's execTransaction (propose refused any allow-list operation).
    if (ctx.approval || (!effect && !needsGatekeeper(op))) return this.evm.prepare(op as never, ctx);
    if (ctx.deployment.chain !== this.chain) throw new FiscusError('INVALID_CHAIN', `deployment is on ${ctx.deployment.chain}, driver is ${this.chain}`);
    const o = this.#o;
    const details = ctx.deployment.details;
    const claimFor = (_wallet: string, investorId: string) =>
      kycClaimFor({ provider: this.provider, chainId: o.chainId, infra: o.infrastructure, details, claimSigner: o.claimSigner ?? o.admin, investorId });
    // With a gate the compliance key signs (a retryable CONFLICT if its role moved on chain).
    const key = this.agentGate ? await this.evm.roleSigner(op as never) : undefined;
    const encoded = await encodeOperation(op, { chain: this.chain, details, claimFor });
    // With a gate, the gatekeeper's T-REX call goes through it too: gatekeeper → gate.execute(token or
    // onboarder) needs the gatekeeper's COMPLIANCE role, so the gatekeeper forwards compliance calls only.
    const inner = key ? { ...throughGate(key.gate, encoded), fallbackGas: encoded.fallbackGas + GATE_GAS } : encoded;
    const gatekeeperCall: EncodedCall = {
      to: this.gatekeeper,
      data: gatekeeperAbi().encodeFunctionData('execute', [
        inner.to,
        inner.data,
        effect?.registry ?? '0x0000000000000000000000000000000000000000',
        effect?.grant ?? [],
        effect?.revoke ?? [],
        o.topUp.threshold,
        o.topUp.amount,
      ]),
      fallbackGas: inner.fallbackGas + GATEKEEPER_GAS,
    };
    // …and the compliance key reaches the gatekeeper (owner = the gate) through the gate.
    const call = key ? { ...throughGate(key.gate, gatekeeperCall), fallbackGas: gatekeeperCall.fallbackGas + GATE_GAS } : gatekeeperCall;
    const signer = key ?? { address: this.operatorAddress, signer: o.operator };
    const needs: GatekeeperNeeds = {
      operator: signer.address,
      signerLabel: key && key.address !== this.operatorAddress ? 'compliance key' : 'operator',
      gatekeeper: this.gatekeeper,
      changesRoles: !!effect,
      mints: !!effect?.grant.length && o.topUp.amount > 0n,
      createsIdentity: singleOperations(op).some((i) => i.kind === 'authorize'),
    };
    return this.#sign(call, ctx, `${describeOperation(op)} + allow list`, needs, signer);
  }

  async #sign(call: EncodedCall, ctx: PrepareContext, what: string, needs: GatekeeperNeeds, key: { address: string; signer: Signer }): Promise<PreparedTx> {
    let gasLimit: bigint;
    try {
      gasLimit = withMargin(await this.provider.estimateGas({ from: key.address, to: call.to, data: call.data }));
    } catch (e) {
      // The simulation failed. A refusal by a precompile or by the deployer list is a bare revert
      // here: if a role the transaction needs is missing, say which, before anything is signed.
      const missing = await missingRoles(this.provider, needs).catch(() => null);
      if (missing) throw new FiscusError(missing.code, missing.shortMessage, { details: missing.details, meta: missing.meta, cause: e });
      gasLimit = call.fallbackGas; // as EvmDriver: the chain decides, status() reports a revert
    }
    const fees = await eip1559Fees(this.provider, this.evm.feePolicy);
    const { raw, hash } = await signTransaction(key.signer, {
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
      signer: key.address,
      sequence: ctx.sequence,
      description: `${this.chain} ${ctx.deployment.details.token} ${what} (nonce ${ctx.sequence})`,
    };
  }

  /** Fillers and replacements are plain transactions of the same key (operator or role key: all are allow-listed). */
  fill(p: FillContext): Promise<PreparedTx> {
    return this.evm.fill(p);
  }

  bumpFee(previous: PreparedTx): Promise<PreparedTx | null> {
    return this.evm.bumpFee(previous);
  }

  fillerFor(previous: PreparedTx): Promise<PreparedTx> {
    return this.evm.fillerFor(previous);
  }

  async submit(tx: PreparedTx): Promise<SubmitResult> {
    const r = await this.evm.submit(tx);
    if (r.kind !== 'rejected') return r;
    return { kind: 'rejected', error: await explainSubmitRefusal(this.provider, tx.signer, parseAvalancheError(r.error)) };
  }

  async status(tx: PreparedTx): Promise<TxStatus> {
    const s = await this.evm.status(tx);
    if (s.kind !== 'failed') return s;
    const error = parseAvalancheError(s.error);
    // A gatekeeper transaction that failed without a reason of its own: name the missing role.
    if (error.code === 'TX_FAILED') {
      const needs = needsOf(tx.raw, this.gatekeeper, this.agentGate, this.operatorAddress);
      const missing = needs ? await missingRoles(this.provider, needs).catch(() => null) : null;
      if (missing)
        return {
          ...s,
          error: new FiscusError(missing.code, missing.shortMessage, {
            details: `${missing.details} (the chain said: ${error.shortMessage})`,
            meta: missing.meta,
            cause: s.error,
          }),
        };
    }
    return { ...s, error };
  }

  totalSupply(d: Deployment): Promise<bigint> {
    return this.evm.totalSupply(d);
  }

  balanceOf(d: Deployment, address: string): Promise<bigint> {
    return this.evm.balanceOf(d, address);
  }

  /** Both layers: a verified identity on the token AND a role on the L1's TxAllowList. */
  async isAuthorized(d: Deployment, address: string): Promise<boolean> {
    const [verified, role] = await Promise.all([this.evm.isAuthorized(d, address), readRole(this.provider, 'txAllowList', address)]);
    return verified && role !== ROLE.None;
  }

  holders(d: Deployment, cursor?: string): Promise<Page<Holder>> {
    return this.evm.holders(d, cursor);
  }

  balancesOf(d: Deployment, addresses: string[]): Promise<bigint[]> {
    return this.evm.balancesOf(d, addresses);
  }

  events(d: Deployment, fromCursor?: string): Promise<Page<ChainEvent>> {
    return this.evm.events(d, fromCursor);
  }

  parseError(e: unknown): FiscusError {
    return parseAvalancheError(e);
  }

  explainTransfer(d: Deployment, t: { from: string; to: string; units: bigint }): Promise<FiscusError | null> {
    return this.evm.explainTransfer(d, t);
  }

  allowListRole(list: AllowListName, address: string): Promise<bigint> {
    return readRole(this.provider, list, address);
  }

  /**
   * Admin operation: sets `address`'s role on one list, signed by the allow-list admin. Refused
   * BEFORE signing when it would remove the list's last admin.
   */
  async setAllowListRole(list: AllowListName, address: string, role: RoleName): Promise<void> {
    if (!this.#o.allowListAdmin) throw new FiscusError('CHAIN_NOT_CONFIGURED', 'no allow-list admin key configured');
    await assertKeepsAnAdmin(this.provider, list, address, role, this.#o.genesisAdmins?.[list] ?? [signerAddress(this.#o.allowListAdmin)]);
    const sender = new AdminSender(this.provider, this.#o.allowListAdmin, this.#o.chainId);
    try {
      await sender.call(PRECOMPILES[list], allowListAbi.encodeFunctionData(`set${role}`, [address]));
    } catch (e) {
      throw await explainSubmitRefusal(this.provider, signerAddress(this.#o.allowListAdmin), parseAvalancheError(e));
    }
  }
}
