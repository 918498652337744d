import type { ChainId } from './chain-id.ts';
import type { FiscusError } from './errors.ts';
import type { CollectedApproval } from './approval.ts';
import type { ChainOperation } from './operation.ts';
import type { Policy } from './policy/types.ts';

/** What a chain can enforce natively; the engine and API refuse operations a chain cannot do. */
export interface Capabilities {
  authorize: boolean;
  freeze: boolean;
  partialFreeze: boolean;
  forceTransfer: boolean;
  clawback: boolean;
  pause: boolean;
  recovery: boolean;
  onchainCompliance: boolean;
  /** The chain carries the fund's NAV feed and attestation hash (publishNav / publishAttestation). */
  navFeed?: boolean;
  /**
   * A signed transaction can be replaced at the same nonce by one with a higher fee (EVM): the
   * driver implements `FeeReplacement`. Chains whose transactions expire (Stellar time bounds)
   * need none: an expired transaction is rebuilt at the same sequence.
   */
  replaceByFee?: boolean;
  /**
   * Extensions (extensions.ts): features only some chains have, each a typed interface the driver
   * implements and declares here, found with its accessor (`policySyncOf(driver)`, …).
   * `policySync`: the chain holds the fund's policy in settings the driver writes (ERC-3643
   * compliance modules): `PolicySync`.
   */
  policySync?: boolean;
  /**
   * Large operations need M of N approvers' signatures on chain (Stellar: the issuing account's
   * thresholds; EVM: a Safe holding the agent role): `MultisigApprovals` (multisig.ts).
   */
  multisigApprovals?: boolean;
  /**
   * Each role's key holds only that role on chain and can be rotated by a `rotateKey` operation
   * (EVM: the FiscusAgentGate between the keys and the token).
   */
  keyRotation?: boolean;
  /** A holder must opt in to the asset (a Stellar trustline) before it can be authorized: `Trustlines`. */
  trustlines?: boolean;
  /** The platform can pay the reserve of an investor's trustline (Stellar sponsorship): `SponsoredReserves`. */
  sponsoredReserves?: boolean;
  /** The platform can pay the fee of an investor-signed transaction (Stellar fee bump): `FeeSponsorship`. */
  feeSponsorship?: boolean;
  /**
   * The issuer approves each holder transfer before it can land (Stellar SEP-8 regulated assets):
   * the chain package exports the extension's interface (chain-stellar `Sep8Approvals`).
   */
  transferApproval?: boolean;
  /**
   * The fund settles in a stablecoin on this chain (issue 12): the driver signs `payout`
   * operations and reads the treasury's stablecoin balance: `StablecoinSettlement` (extensions.ts).
   */
  settlement?: boolean;
  /** Most single operations one transaction may carry (1 = no batching). */
  maxBatch: number;
  /**
   * When a confirmed transaction can no longer be reorged away: `instant` (closed ledgers are final),
   * `confirmations` (head − block ≥ depth), `tag` (block ≤ the node's `finalized` block, e.g.
   * Ethereum's Casper FFG checkpoints).
   */
  finality: { kind: 'instant' } | { kind: 'confirmations'; depth: number } | { kind: 'tag'; tag: 'finalized' };
}

/** The fund as a driver needs it to deploy a token. */
export interface FundSpec {
  id: string;
  name: string;
  symbol: string;
  decimals: number;
  /** Chains that enforce compliance on chain (ERC-3643 modules) configure it at deployment. */
  policy?: Policy;
  /**
   * Stellar: deploy as a SEP-8 regulated asset (investor trustlines rest authorized to maintain
   * liabilities; every transfer is approved per transaction). Other drivers ignore it.
   */
  sep8?: boolean;
}

/** Where a fund lives on one chain (asset code + issuer, or contract addresses). */
export interface Deployment {
  chain: ChainId;
  /** Chain-specific, JSON-serialisable identifiers. */
  details: Record<string, string>;
}

export interface PrepareContext {
  deployment: Deployment;
  /** Nonce / sequence number allocated to this transaction by the engine under a database lock. */
  sequence: bigint;
  /** A multisig operation: the proposal approvers signed and their signatures (multisig.ts). */
  approval?: CollectedApproval;
}

/** What `fill` needs: the sequence to consume, of which signer, for which deployment. */
export interface FillContext {
  deployment: Deployment;
  signer: string;
  sequence: bigint;
}

/** A signed transaction, persisted before it is broadcast. */
export interface PreparedTx {
  hash: string;
  raw: Uint8Array;
  signer: string;
  sequence: bigint;
  /** After this instant the transaction provably cannot land (Stellar time bounds). */
  validUntil?: Date;
  description: string;
}

export type SubmitResult =
  | { kind: 'accepted'; hash: string }
  | { kind: 'duplicate'; hash: string }
  | { kind: 'retryLater'; reason: string; afterMs?: number }
  | { kind: 'rejected'; error: FiscusError };

export type TxStatus =
  | { kind: 'pending' }
  | { kind: 'confirmed'; block: bigint; final: boolean }
  | { kind: 'failed'; error: FiscusError; block?: bigint }
  /**
   * Provably never lands: rebuild is safe. `sequenceConsumed` says whether another transaction
   * used its nonce / sequence (sign anew with a fresh one) or not (time bounds passed: the same
   * sequence must be used again, or every later transaction of the signer would wait forever).
   */
  | { kind: 'dropped'; reason: string; sequenceConsumed: boolean }
  | { kind: 'unknown' };

export interface Holder {
  address: string;
  units: bigint;
}

/**
 * `index` orders events within a block/ledger and, with `txHash`, identifies one effect: every
 * event of one transaction has a distinct, stable index (EVM: log index; Stellar: the operation's
 * position in the ledger; memchain: event position in the block). Ingest books by (chain, txHash, index).
 */
export type ChainEvent =
  | { kind: 'transfer'; from: string | null; to: string | null; units: bigint; txHash: string; block: bigint; index: number }
  | { kind: 'authorization'; address: string; authorized: boolean; txHash: string; block: bigint; index: number }
  | { kind: 'freeze'; address: string; frozen: boolean; units?: bigint; txHash: string; block: bigint; index: number }
  /**
   * A movement of the fund's asset the driver sees but cannot express as a transfer (e.g. a
   * Stellar path payment through the order book: the counterparties are unknown). Ingest records
   * it as unmatched so a drift names its cause: never skipped silently. `units` may be 0 when unknown.
   */
  | { kind: 'unmatched'; reason: string; from: string | null; to: string | null; units: bigint; txHash: string; block: bigint; index: number }
  /**
   * A subscription paid on chain in the settlement stablecoin (EVM: FiscusSubscription): `amount`
   * stablecoin base units (`usd` micro-dollars, STABLECOIN_RECEIPT_ROUND_DOWN) moved from the
   * investor into the fund's treasury and `units` were minted to the investor at NAV round
   * `navRound` (`nav` at the feed's scale), in one transaction. The token's mint Transfer of the
   * same transaction is folded into this event (never reported as a separate transfer).
   */
  | {
      kind: 'cashSubscription';
      investor: string;
      amount: bigint;
      usd: bigint;
      units: bigint;
      navRound: bigint;
      nav: bigint;
      txHash: string;
      /**
       * When a fee bump carried it (Stellar): the inner transaction's hash, the one a quote or a
       * pre-signed transaction names (the ledger knows the transaction by the fee bump's `txHash`).
       */
      innerTxHash?: string;
      block: bigint;
      index: number;
    }
  /**
   * A redemption on chain against the settlement stablecoin (EVM: FiscusRedemption): `units`
   * burned from the investor, priced at NAV round `navRound` to `amount` stablecoin base units
   * (`usd` micro-dollars, REDEMPTION_USD_ROUND_DOWN). `instant`: paid from the fund's treasury in
   * the same transaction; `requested`: owed, for the platform to pay later (FIFO), `requestId`
   * numbering the requests of that contract. The burn Transfer of the same transaction is folded in.
   */
  | {
      kind: 'cashRedemption';
      investor: string;
      units: bigint;
      amount: bigint;
      usd: bigint;
      mode: 'instant' | 'requested';
      requestId?: bigint;
      navRound: bigint;
      nav: bigint;
      txHash: string;
      block: bigint;
      index: number;
    };

export interface Page<T> {
  items: T[];
  /** Pass back to continue; absent when there is nothing more now. */
  next?: string;
}

/**
 * The contract every chain driver honours (docs/architecture.md "The driver contract").
 * Drivers are registered explicitly; nothing registers on import.
 */
export interface ChainDriver {
  readonly chain: ChainId;
  readonly capabilities: Capabilities;

  /** Idempotent: deploying a fund already deployed returns the existing deployment. */
  deploy(fund: FundSpec): Promise<Deployment>;

  /** The account whose nonce / sequence an operation consumes. */
  signerFor(op: ChainOperation, deployment: Deployment): string;
  /** The next unused nonce / sequence of a signer, as the chain sees it now. */
  nextSequence(signer: string): Promise<bigint>;

  /** Builds and signs; nothing is sent. */
  prepare(op: ChainOperation, ctx: PrepareContext): Promise<PreparedTx>;
  /**
   * Signs a transaction that does nothing but consume `sequence` of `signer` (Stellar: a
   * BUMP_SEQUENCE that bumps nowhere; EVM: a zero-value self-transfer). The engine sends one
   * for every sequence it allocated and can no longer use, so that no later transaction of the
   * signer waits behind a gap (docs/architecture.md "Sequences are consumed or released").
   */
  fill(p: FillContext): Promise<PreparedTx>;
  /** Broadcasts signed bytes; safe to call again with the same bytes. */
  submit(tx: PreparedTx): Promise<SubmitResult>;
  status(tx: PreparedTx): Promise<TxStatus>;

  totalSupply(deployment: Deployment): Promise<bigint>;
  balanceOf(deployment: Deployment, address: string): Promise<bigint>;
  isAuthorized(deployment: Deployment, address: string): Promise<boolean>;
  /**
   * Holders with a positive balance, one page per call, in address order. Cost: paging through
   * every holder is linear in holders and chain history — one request (or a few) per page; no
   * page re-reads what an earlier one read (EVM: the driver indexes Transfer recipients from the
   * logs of blocks finalized since its last call and reads a page's balances in one batch;
   * Stellar: Horizon /accounts?asset= pages of 200; memchain: one sorted read per page).
   */
  holders(deployment: Deployment, cursor?: string): Promise<Page<Holder>>;
  /**
   * Balances of many addresses in few requests (EVM: Multicall3, else JSON-RPC batches), in the
   * order given. Optional: callers fall back to `balanceOf` per address.
   */
  balancesOf?(deployment: Deployment, addresses: string[]): Promise<bigint[]>;
  /** Events after the cursor, one page; paging from a cursor reads each event once. */
  events(deployment: Deployment, fromCursor?: string): Promise<Page<ChainEvent>>;

  /** Maps chain-native failures to stable core error codes. */
  parseError(e: unknown): FiscusError;
}

/** Drivers by chain id, filled explicitly at wiring time. */
export class DriverRegistry {
  readonly #drivers = new Map<ChainId, ChainDriver>();

  register(driver: ChainDriver): this {
    if (this.#drivers.has(driver.chain)) throw new Error(`driver for ${driver.chain} registered twice`);
    this.#drivers.set(driver.chain, driver);
    return this;
  }

  get(chain: string): ChainDriver | undefined {
    return this.#drivers.get(chain as ChainId);
  }

  chains(): ChainId[] {
    return [...this.#drivers.keys()];
  }
}
