import { Keypair, Operation, type xdr } from '@stellar/stellar-sdk';
import {
  FiscusError,
  isKeyRotationOperation,
  isOracleOperation,
  isPayoutOperation,
  normalizeAddress,
  type PayoutOperation,
  type SettlementAsset,
  type StablecoinSettlement,
  singleOperations,
  type Capabilities,
  type ChainDriver,
  type FeeSponsorship,
  type SponsoredReserves,
  type Trustlines,
  type ChainEvent,
  type ChainId,
  type ChainOperation,
  type Deployment,
  type FillContext,
  type KeyRole,
  type KeyRotationOperation,
  type FundSpec,
  type Holder,
  type Page,
  type PreparedTx,
  type PrepareContext,
  type Signer,
  type SubmitResult,
  type TxStatus,
  type ApprovalPolicy,
  type ApprovalProposal,
  type ApprovalSignature,
  type MultisigApprovals,
  type ProposalSequence,
} from '@fiscus/core';
import { assetCodeFor, fromDeployment, toDetails, type StellarDeployment } from '../deployment.ts';
import {
  assertCanReceive,
  ensureTreasuryLine,
  payoutPayment,
  settlementAssetOf,
  stablecoinAsset,
  stablecoinBalance,
  type StellarStablecoin,
} from '../settlement/usdc.ts';
import { buildDvpSubscription, type DvpSubscription } from '../settlement/dvp.ts';
import { deployAsset, ensureAccount } from '../deploy.ts';
import { parseStellarError } from '../errors.ts';
import { feeBumpAndSubmit, parseInvestorTransaction, type FeeBumpResult } from '../fee-bump.ts';
import { assetEvents } from '../events.ts';
import { horizonServer } from '../horizon.ts';
import { accountIdOf, type StellarKeyring } from '../keys.ts';
import type { Funding, StellarNetwork } from '../network.ts';
import { describe, linesToRead, MAX_BATCH, MAX_OPS, toStellarOps, type LineState } from '../ops.ts';
import { describeOracle, oracleOpsFor, readOracleEntries, type OracleEntries } from '../oracle.ts';
import * as reads from '../reads.ts';
import { applyRoles, requireRoles, roleFor, rotationOps, StellarRoleKeys } from '../roles.ts';
import { sponsoredTrustline, type InvestorTransaction } from '../sponsorship.ts';
import { buildSigned, statusOf, submitSigned } from '../transactions.ts';
import {
  applyIssuerApprovers,
  approvalDetails,
  checkApprovals,
  DEFAULT_APPROVAL_TIMEOUT_SEC,
  policyOf,
  proposeTransaction,
  signApprovedTransaction,
  verifyStellarApproval,
  type StellarApprovals,
} from '../multisig.ts';
import { reviewSep8, signApproved, type Sep8Approved, type Sep8Request, type Sep8Review } from '../sep8/index.ts';

export interface StellarDriverOptions {
  /** `stellar:pubnet`, `stellar:testnet`, `stellar:local`… */
  chain: ChainId;
  horizonUrl: string;
  networkPassphrase: string;
  keys: StellarKeyring;
  funding: Funding;
  /** Set as the issuer's home_domain: where /.well-known/stellar.toml (SEP-1) is served. */
  homeDomain: string;
  maxFeePerOp?: bigint;
  txTimeoutSec?: number;
  /** Records per Horizon page (holders, events); default 200, Horizon's largest. */
  pageSize?: number;
  /** Pays investors' trustline reserves (sponsorship); default: each fund's issuer. */
  sponsor?: Signer;
  /** Pays the fee of investors' fee-bumped transactions; default: each fund's distribution account. */
  feeAccount?: Signer;
  /** M-of-N approvers of large operations, set on each fund's issuing account at deploy (multisig.ts). */
  approvals?: StellarApprovals;
  /**
   * Least privilege (roles.ts, issue 13): each new fund gets a minting, a compliance and an oracle
   * key (keyring roles `minter`, `compliance`, `oracle`), each the only signer of its own role
   * account, weighted on the issuer so that each can do only its job; the issuer key becomes the
   * admin (deployment, rotations). Funds deployed without it keep one issuer key.
   */
  leastPrivilege?: boolean;
  /**
   * The fund's stablecoin (USDC) on this network (issue 12): each fund's distribution account is
   * its treasury (trusts it from deploy, receives subscriptions, signs payouts).
   */
  stablecoin?: StellarStablecoin;
}

/** ChainDriver for a regulated Stellar classic asset, over Horizon through @stellar/stellar-sdk. */
export class StellarDriver implements ChainDriver, Trustlines, SponsoredReserves, FeeSponsorship, MultisigApprovals, StablecoinSettlement {
  readonly chain: ChainId;
  readonly capabilities: Capabilities = {
    authorize: true,
    freeze: true,
    partialFreeze: false,
    forceTransfer: true,
    clawback: true,
    pause: false,
    recovery: true,
    onchainCompliance: true,
    navFeed: true,
    maxBatch: MAX_BATCH,
    finality: { kind: 'instant' },
    // Sponsor and fee account default to the fund's issuer and distribution accounts: always there.
    trustlines: true,
    sponsoredReserves: true,
    feeSponsorship: true,
    transferApproval: true,
    // Per fund: only deployments recording approvers use it (approvalPolicy).
    multisigApprovals: true,
  };
  readonly #net: StellarNetwork;
  readonly #keys: StellarKeyring;
  readonly #homeDomain: string;
  readonly #sponsor?: Signer;
  readonly #feeAccount?: Signer;
  readonly #approvals?: StellarApprovals;
  readonly #stablecoin?: StellarStablecoin;
  readonly #leastPrivilege: boolean;
  readonly #roleKeys: StellarRoleKeys;

  constructor(o: StellarDriverOptions) {
    this.chain = o.chain;
    this.#leastPrivilege = o.leastPrivilege === true;
    if (this.#leastPrivilege) this.capabilities.keyRotation = true;
    this.#stablecoin = o.stablecoin;
    if (o.stablecoin) this.capabilities.settlement = true;
    this.#sponsor = o.sponsor;
    this.#feeAccount = o.feeAccount;
    if (o.approvals) checkApprovals(o.approvals);
    this.#approvals = o.approvals;
    this.#keys = o.keys;
    this.#homeDomain = o.homeDomain;
    this.#net = {
      server: horizonServer({ url: o.horizonUrl }),
      passphrase: o.networkPassphrase,
      funding: o.funding,
      maxFeePerOp: o.maxFeePerOp ?? 1000n,
      txTimeoutSec: o.txTimeoutSec ?? 300,
      // Horizon's largest page: a holder or event scan costs one request per 200 records.
      pageSize: o.pageSize ?? 200,
    };
    this.#roleKeys = new StellarRoleKeys(this.#net, o.keys);
  }

  async deploy(fund: FundSpec): Promise<Deployment> {
    const [issuer, distribution] = await Promise.all([this.#keys.signer(fund.id, 'issuer'), this.#keys.signer(fund.id, 'distribution')]);
    const d: StellarDeployment = {
      fundId: fund.id,
      assetCode: assetCodeFor(fund),
      issuer: accountIdOf(issuer),
      distribution: accountIdOf(distribution),
      decimals: fund.decimals,
      homeDomain: this.#homeDomain,
      sep8: fund.sep8 === true,
    };
    await this.#wrap(deployAsset(this.#net, d, issuer, distribution));
    if (this.#stablecoin) await this.#wrap(ensureTreasuryLine(this.#net, this.#stablecoin, distribution));
    const approvals = this.#approvals ? approvalDetails(this.#approvals) : {};
    if (this.#leastPrivilege) {
      const [minter, compliance, oracle] = await Promise.all((['minter', 'compliance', 'oracle'] as const).map((r) => this.#keys.signer(fund.id, r)));
      d.roles = await this.#wrap(
        applyRoles(this.#net, d, {
          admin: issuer,
          keys: { minter: minter!, compliance: compliance!, oracle: oracle! },
          approvals: this.#approvals,
          ensureAccount: (id) => ensureAccount(this.#net, id),
        }),
      );
      return { chain: this.chain, details: { ...toDetails(d), ...approvals } };
    }
    if (!this.#approvals) return { chain: this.chain, details: toDetails(d) };
    await this.#wrap(applyIssuerApprovers(this.#net, d, issuer, this.#approvals));
    return { chain: this.chain, details: { ...toDetails(d), ...approvals } };
  }

  signerFor(op: ChainOperation, deployment: Deployment): string {
    const d = fromDeployment(deployment);
    // Payouts move the treasury's stablecoin: the distribution account signs them (its own sequence).
    if (isPayoutOperation(op)) return d.distribution;
    if (!d.roles) return d.issuer; // every agent operation is the issuer's
    // Each role's transactions come from its own account: its sequence stream survives a rotation.
    const role = roleFor(op, d);
    return role === 'admin' ? d.issuer : d.roles[role];
  }

  async nextSequence(signer: string): Promise<bigint> {
    const account = await this.#wrap(this.#net.server.loadAccount(signer));
    return BigInt(account.sequenceNumber()) + 1n;
  }

  async prepare(op: ChainOperation, ctx: PrepareContext): Promise<PreparedTx> {
    if (ctx.deployment.chain !== this.chain) throw new FiscusError('INVALID_CHAIN', `deployment is on ${ctx.deployment.chain}, driver is ${this.chain}`);
    const d = fromDeployment(ctx.deployment);
    if (isPayoutOperation(op)) return this.#preparePayout(op, d, ctx.sequence);
    if (isKeyRotationOperation(op)) return this.#prepareRotation(op, d, ctx.sequence);
    const role = d.roles ? roleFor(op, d) : 'admin';
    const signer = role === 'admin' ? await this.#issuerKey(d) : await this.#roleKey(d, role);
    const source = role === 'admin' ? d.issuer : requireRoles(d)[role];
    if (ctx.approval) {
      // The transaction the approvers signed, as proposed: never rebuilt from the operation.
      const { tx, validUntil } = await signApprovedTransaction(this.#net, ctx.approval, signer);
      const hash = Buffer.from(tx.hash()).toString('hex');
      const description = `${this.chain} ${d.assetCode} ${String(ctx.approval.proposal.payload.description)} with ${ctx.approval.signatures.length} approvals (seq ${ctx.sequence})`;
      return { hash, raw: tx.toEnvelope().toXDR('raw'), signer: source, sequence: ctx.sequence, validUntil, description };
    }
    const { ops, what } = await this.#operations(op, d);
    // A role account sources the transaction; the agent operations act on the issuer.
    if (source !== d.issuer && role !== 'oracle') for (const o of ops) sourcedBy(o, d.issuer);
    const built = await buildSigned(this.#net, source, ctx.sequence, ops, signer);
    return {
      hash: built.hash,
      raw: built.raw,
      signer: source,
      sequence: ctx.sequence,
      validUntil: built.validUntil,
      description: `${this.chain} ${d.assetCode} ${what} (seq ${ctx.sequence})`,
    };
  }

  async #issuerKey(d: StellarDeployment): Promise<Signer> {
    const signer = await this.#keys.signer(d.fundId, 'issuer');
    if (accountIdOf(signer) !== d.issuer) throw new FiscusError('CONFLICT', `the keyring's issuer key for ${d.fundId} is not ${d.issuer}`);
    return signer;
  }

  /** The key signing for a role now (read from its role account); the issuer's for funds without roles. */
  async #roleKey(d: StellarDeployment, role: KeyRole): Promise<Signer> {
    if (!d.roles) return this.#issuerKey(d);
    return (await this.#wrap(this.#roleKeys.active(d, role))).signer;
  }

  /** Stellar-only: the key a rotation of `role` moves to (the fund keyring's next generation). */
  async nextRoleKey(deployment: Deployment, role: KeyRole): Promise<string> {
    const d = fromDeployment(deployment);
    requireRoles(d);
    return accountIdOf((await this.#wrap(this.#roleKeys.next(d, role))).signer);
  }

  /**
   * rotateKey: the admin (issuer key) moves the role from its current key to the keyring's next
   * generation, in one transaction (roles.ts `rotationOps`). The new key's address must be that
   * generation's: anything else could never sign, so it fails before signing, naming the key.
   */
  async #prepareRotation(op: KeyRotationOperation, d: StellarDeployment, sequence: bigint): Promise<PreparedTx> {
    requireRoles(d);
    const admin = await this.#issuerKey(d);
    const next = await this.#wrap(this.#roleKeys.next(d, op.role));
    const expected = accountIdOf(next.signer);
    const current = accountIdOf(next.current);
    if (op.newAddress !== expected) {
      throw new FiscusError(
        'VALIDATION_FAILED',
        `the next ${op.role} key of ${d.fundId} is ${expected} (keyring generation ${next.generation}), not ${op.newAddress}`,
        {
          meta: { role: op.role, expected },
        },
      );
    }
    if (op.oldAddress !== undefined && op.oldAddress !== current) {
      throw new FiscusError('CONFLICT', `the ${op.role} key of ${d.fundId} is ${current}, not ${op.oldAddress}`, { meta: { role: op.role, current } });
    }
    // A signer needs no account of its own: the role account keeps sourcing the role's transactions.
    const built = await buildSigned(this.#net, d.issuer, sequence, rotationOps(d, op, current), admin);
    return {
      hash: built.hash,
      raw: built.raw,
      signer: d.issuer,
      sequence,
      validUntil: built.validUntil,
      description: `${this.chain} ${d.assetCode} rotate ${op.role} key ${current} → ${expected} (seq ${sequence})`,
    };
  }

  /**
   * A stablecoin payment from the treasury (distribution account), refused before signing when
   * the payee cannot receive it (NOT_AUTHORIZED_ON_CHAIN, meta.reason NO_TRUSTLINE / NOT_AUTHORIZED /
   * ACCOUNT_MISSING): the engine then holds the payout with that reason.
   */
  async #preparePayout(op: PayoutOperation, d: StellarDeployment, sequence: bigint): Promise<PreparedTx> {
    const s = this.#stablecoinOrThrow();
    const signer = await this.#keys.signer(d.fundId, 'distribution');
    if (accountIdOf(signer) !== d.distribution) throw new FiscusError('CONFLICT', `the keyring's distribution key for ${d.fundId} is not ${d.distribution}`);
    const to = normalizeAddress(this.chain, op.to);
    await this.#wrap(assertCanReceive(this.#net, s, to));
    const built = await buildSigned(this.#net, d.distribution, sequence, [payoutPayment(s, to, op.usd)], signer);
    return {
      hash: built.hash,
      raw: built.raw,
      signer: d.distribution,
      sequence,
      validUntil: built.validUntil,
      description: `${this.chain} ${s.code} payout ${op.usd} µUSD → ${to} (seq ${sequence})`,
    };
  }

  #stablecoinOrThrow(): StellarStablecoin {
    if (!this.#stablecoin) throw new FiscusError('CAPABILITY_UNSUPPORTED', `no stablecoin is configured on ${this.chain}`);
    return this.#stablecoin;
  }

  settlementAsset(_d: Deployment): SettlementAsset {
    return settlementAssetOf(this.#stablecoinOrThrow());
  }

  /** Each fund's distribution account is its stablecoin treasury on Stellar. */
  treasuryAddress(d: Deployment): string {
    return fromDeployment(d).distribution;
  }

  stablecoinBalance(_d: Deployment, address: string): Promise<bigint> {
    return this.#wrap(stablecoinBalance(this.#net, this.#stablecoinOrThrow(), address));
  }

  /**
   * Stellar-only (issue 12): the delivery-versus-payment subscription transaction of a quote,
   * issuer-signed, for the investor to co-sign and submit (settlement/dvp.ts).
   */
  async dvpSubscription(d: Deployment, p: DvpSubscription): Promise<InvestorTransaction> {
    const sd = fromDeployment(d);
    // The delivery is a mint (a SEP-8 asset's is sandwiched between authorizations).
    const issuer = await this.#roleKey(sd, sd.sep8 ? 'compliance' : 'minter');
    return this.#wrap(buildDvpSubscription(this.#net, sd, this.#stablecoinOrThrow(), issuer, p));
  }

  /** The Stellar operations of one engine operation, read against the holders' lines now. */
  async #operations(op: ChainOperation, d: StellarDeployment) {
    const items = isOracleOperation(op) ? [] : singleOperations(op);
    const lines = new Map(
      await Promise.all(linesToRead(this.chain, items, d).map(async (a) => [a, await this.#wrap(reads.lineState(this.#net, d, a))] as const)),
    );
    const ops = isOracleOperation(op) ? await this.#wrap(oracleOpsFor(this.#net, d, op)) : items.flatMap((i) => toStellarOps(this.chain, d, i, lines));
    if (ops.length === 0 || ops.length > MAX_OPS) {
      throw new FiscusError('VALIDATION_FAILED', `a Stellar transaction carries 1..${MAX_OPS} operations, this one needs ${ops.length}`);
    }
    const what = isOracleOperation(op) ? describeOracle(op) : op.kind === 'batch' ? `batch of ${items.length}` : describe(items[0]!);
    return { ops, what };
  }

  approvalPolicy(d: Deployment): ApprovalPolicy | undefined {
    return policyOf(d);
  }

  /** Approvers sign the whole transaction: it takes its signer's sequence (the issuer's, or the role account's) when proposed. */
  proposalSequence(op: ChainOperation, d: Deployment): ProposalSequence {
    const key = this.signerFor(op, d);
    return { key, txSequence: true, chainNext: () => this.nextSequence(key) };
  }

  async propose(op: ChainOperation, ctx: { deployment: Deployment; sequence: bigint }): Promise<ApprovalProposal> {
    const policy = policyOf(ctx.deployment);
    if (!policy) throw new FiscusError('CAPABILITY_UNSUPPORTED', 'this deployment has no approvers');
    const d = fromDeployment(ctx.deployment);
    const { ops, what } = await this.#operations(op, d);
    const source = this.signerFor(op, ctx.deployment);
    if (source !== d.issuer && !isOracleOperation(op)) for (const o of ops) sourcedBy(o, d.issuer);
    const timeoutSec = this.#approvals?.approvalTimeoutSec ?? DEFAULT_APPROVAL_TIMEOUT_SEC;
    return proposeTransaction(this.#net, d, { source, sequence: ctx.sequence, ops, policy, timeoutSec, description: what });
  }

  verifyApproval(proposal: ApprovalProposal, signature: ApprovalSignature): boolean {
    return verifyStellarApproval(proposal, signature);
  }

  /** BUMP_SEQUENCE to 0 bumps nowhere: the transaction consumes its sequence, nothing else. */
  async fill(p: FillContext): Promise<PreparedTx> {
    const d = fromDeployment(p.deployment);
    // The distribution account signs payouts: a payout that failed before landing leaves its number.
    const role = d.roles ? (Object.keys(d.roles) as KeyRole[]).find((r) => d.roles![r] === p.signer) : undefined;
    if (p.signer !== d.issuer && p.signer !== d.distribution && !role) {
      throw new FiscusError('CONFLICT', `fillers are signed by the issuer ${d.issuer}, the treasury ${d.distribution} or a role account, not ${p.signer}`);
    }
    const signer = role ? await this.#roleKey(d, role) : await this.#keys.signer(d.fundId, p.signer === d.issuer ? 'issuer' : 'distribution');
    const built = await buildSigned(this.#net, p.signer, p.sequence, [Operation.bumpSequence({ bumpTo: '0' })], signer);
    return {
      hash: built.hash,
      raw: built.raw,
      signer: p.signer,
      sequence: p.sequence,
      validUntil: built.validUntil,
      description: `${this.chain} ${d.assetCode} sequence filler (seq ${p.sequence})`,
    };
  }

  submit(tx: PreparedTx): Promise<SubmitResult> {
    return submitSigned(this.#net, tx);
  }

  status(tx: PreparedTx): Promise<TxStatus> {
    return statusOf(this.#net, tx);
  }

  totalSupply(d: Deployment): Promise<bigint> {
    return this.#wrap(reads.totalSupply(this.#net, fromDeployment(d)));
  }

  balanceOf(d: Deployment, address: string): Promise<bigint> {
    return this.#wrap(reads.balanceOf(this.#net, fromDeployment(d), address));
  }

  isAuthorized(d: Deployment, address: string): Promise<boolean> {
    return this.#wrap(reads.isAuthorized(this.#net, fromDeployment(d), address));
  }

  /**
   * Stellar-only read: whether the holder has created its trustline. The issuer can only
   * authorize an existing line (setTrustLineFlags on a missing one fails with op_no_trust), so
   * the API checks this before it queues an authorization.
   */
  trustline(d: Deployment, address: string): Promise<reads.TrustlineState> {
    return this.#wrap(reads.trustline(this.#net, fromDeployment(d), address));
  }

  /** The NAV / attestation data entries on the issuing account (publishNav / publishAttestation). */
  oracleEntries(d: Deployment): Promise<OracleEntries> {
    return this.#wrap(readOracleEntries(this.#net, fromDeployment(d)));
  }

  holders(d: Deployment, cursor?: string): Promise<Page<Holder>> {
    return this.#wrap(reads.holders(this.#net, fromDeployment(d), cursor));
  }

  events(d: Deployment, fromCursor?: string): Promise<Page<ChainEvent>> {
    return this.#wrap(assetEvents(this.#net, fromDeployment(d), fromCursor, this.#stablecoin));
  }

  /**
   * Stellar-only: the investor's trustline transaction with its reserve sponsored by the
   * platform, sponsor-signed, for the investor to co-sign (see sponsorship.ts).
   */
  async sponsoredTrustline(d: Deployment, investor: string): Promise<InvestorTransaction> {
    const sd = fromDeployment(d);
    if (this.#sponsor) return this.#wrap(sponsoredTrustline(this.#net, sd, investor, { account: accountIdOf(this.#sponsor), signer: this.#sponsor }));
    // The issuer pays the reserve: with role keys, the compliance key signs for it (onboarding is its job).
    const signer = await this.#roleKey(sd, 'compliance');
    return this.#wrap(sponsoredTrustline(this.#net, sd, investor, { account: sd.issuer, signer }));
  }

  /**
   * Stellar-only: checks an investor-signed transaction (only the fund asset's operations, the
   * investor as source), lets the caller vet its source account (`approveSource`, e.g. "a
   * registered wallet of this investor"), then wraps it in a fee bump paid by the fee account
   * and submits it.
   */
  async feeBump(d: Deployment, xdr: string, o: { approveSource?: (source: string) => Promise<void> } = {}): Promise<FeeBumpResult> {
    const sd = fromDeployment(d);
    const sponsor = this.#sponsor ? accountIdOf(this.#sponsor) : sd.issuer;
    const feeAccount = this.#feeAccount ?? (await this.#keys.signer(sd.fundId, 'distribution'));
    const stablecoin = this.#stablecoin ? stablecoinAsset(this.#stablecoin) : undefined;
    const inner = parseInvestorTransaction(this.#net, sd, xdr, { sponsor, feeAccount: accountIdOf(feeAccount), stablecoin });
    await o.approveSource?.(inner.source);
    return this.#wrap(feeBumpAndSubmit(this.#net, inner, feeAccount));
  }

  /**
   * Stellar-only (SEP-8 approval server): checks the shape of a wallet's transaction (payments
   * of the fund asset from its source, fee, time bounds, signature on this network). No I/O:
   * the caller judges the fund's policy and reads the lines with `lineStates`.
   */
  reviewSep8(d: Deployment, xdr: string, o: { maxFeePerOp?: bigint; now?: Date } = {}): Sep8Review {
    const sd = fromDeployment(d);
    return reviewSep8(sd, xdr, {
      passphrase: this.#net.passphrase,
      maxFeePerOp: o.maxFeePerOp ?? this.#net.maxFeePerOp,
      platform: [sd.issuer, sd.distribution],
      now: o.now ?? new Date(),
    });
  }

  /** Stellar-only: the authorization state of each account's line to the fund asset. */
  async lineStates(d: Deployment, addresses: string[]): Promise<Map<string, LineState>> {
    const sd = fromDeployment(d);
    return new Map(await Promise.all([...new Set(addresses)].map(async (a) => [a, await this.#wrap(reads.lineState(this.#net, sd, a))] as const)));
  }

  /** Stellar-only (SEP-8): the approved transfer signed by the issuer (`success` as composed, or `revised`). */
  async signSep8(
    d: Deployment,
    request: Sep8Request,
    lines: ReadonlyMap<string, LineState>,
    o: { now?: Date } = {},
  ): Promise<Sep8Approved | { error: string }> {
    const sd = fromDeployment(d);
    // Authorizing the lines around a transfer is the compliance key's job (a LOW threshold).
    const issuer = await this.#roleKey(sd, 'compliance');
    return signApproved(this.chain, sd, request, lines, {
      passphrase: this.#net.passphrase,
      issuer,
      timeoutSec: this.#net.txTimeoutSec,
      now: o.now ?? new Date(),
      baseFee: 100n,
    });
  }

  parseError(e: unknown): FiscusError {
    return parseStellarError(e);
  }

  async #wrap<T>(p: Promise<T>): Promise<T> {
    try {
      return await p;
    } catch (e) {
      throw parseStellarError(e);
    }
  }
}

/** Sets an operation's source when it has none (an operation without one acts on the transaction's source). */
function sourcedBy(op: xdr.Operation, account: string): void {
  // The SDK types the built operation as read-only; it is a plain object until the builder encodes it.
  if (!op.sourceAccount) (op as { sourceAccount: xdr.MuxedAccount | null }).sourceAccount = Keypair.fromPublicKey(account).xdrMuxedAccount();
}
