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
  withMargin,
  type EncodedCall,
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
}

// The gatekeeper's own work on top of the wrapped call: role reads/writes, a mint, events.
const GATEKEEPER_GAS = 250_000n;

/**
 * ERC-3643 on an Avalanche L1: the EvmDriver does the token work (composed, not forked); this
 * driver adds the chain-level permissions. Operations that change who may transact (authorize,
 * deauthorize, full freeze/unfreeze, recover) are ONE transaction to the FiscusL1Gatekeeper, which
 * makes the T-REX call and the TxAllowList / NativeMinter calls atomically (see README).
 */
export class AvalancheDriver implements ChainDriver, FeeReplacement, PolicySync, StablecoinSettlement, SettlementCapsControl {
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
      claimSigner: o.claimSigner,
      infrastructure: o.infrastructure,
      ...(o.redemptionAddress ? { redemptionAddress: o.redemptionAddress } : {}),
      fees: o.fees,
      finality: o.finality,
      confirmations: o.confirmations,
      pageSize: o.pageSize,
      logRange: o.logRange,
      settlementLimits: o.settlementLimits,
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

  /** The T-REX suite, then the gatekeeper made a token agent (it freezes / unfreezes). Idempotent. */
  async deploy(fund: FundSpec): Promise<Deployment> {
    const d = await this.evm.deploy(fund);
    const token = d.details.token!;
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

  signerFor(): string {
    return this.operatorAddress;
  }

  nextSequence(signer: string): Promise<bigint> {
    return this.evm.nextSequence(signer);
  }

  async prepare(op: ChainOperation, ctx: PrepareContext): Promise<PreparedTx> {
    const effect = allowListEffect(op, this.chain, ctx.deployment.details.identityRegistry);
    if (!effect && !needsGatekeeper(op)) return this.evm.prepare(op, ctx);
    if (ctx.deployment.chain !== this.chain) throw new FiscusError('INVALID_CHAIN', `deployment is on ${ctx.deployment.chain}, driver is ${this.chain}`);
    const o = this.#o;
    const details = ctx.deployment.details;
    const claimFor = (_wallet: string, investorId: string) =>
      kycClaimFor({ provider: this.provider, chainId: o.chainId, infra: o.infrastructure, details, claimSigner: o.claimSigner ?? o.admin, investorId });
    const inner = await encodeOperation(op, { chain: this.chain, details, claimFor });
    const call: EncodedCall = {
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
    const needs: GatekeeperNeeds = {
      operator: this.operatorAddress,
      gatekeeper: this.gatekeeper,
      changesRoles: !!effect,
      mints: !!effect?.grant.length && o.topUp.amount > 0n,
      createsIdentity: singleOperations(op).some((i) => i.kind === 'authorize'),
    };
    return this.#sign(call, ctx, `${describeOperation(op)} + allow list`, needs);
  }

  async #sign(call: EncodedCall, ctx: PrepareContext, what: string, needs: GatekeeperNeeds): Promise<PreparedTx> {
    let gasLimit: bigint;
    try {
      gasLimit = withMargin(await this.provider.estimateGas({ from: this.operatorAddress, to: call.to, data: call.data }));
    } catch (e) {
      // The simulation failed. A refusal by a precompile or by the deployer list is a bare revert
      // here: if a role the transaction needs is missing, say which, before anything is signed.
      const missing = await missingRoles(this.provider, needs).catch(() => null);
      if (missing) throw new FiscusError(missing.code, missing.shortMessage, { details: missing.details, meta: missing.meta, cause: e });
      gasLimit = call.fallbackGas; // as EvmDriver: the chain decides, status() reports a revert
    }
    const fees = await eip1559Fees(this.provider, this.evm.feePolicy);
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
      description: `${this.chain} ${ctx.deployment.details.token} ${what} (nonce ${ctx.sequence})`,
    };
  }

  /** Fillers and replacements are plain operator transactions: the operator is allow-listed. */
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
      const needs = needsOf(tx.raw, this.operatorAddress, this.gatekeeper);
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
