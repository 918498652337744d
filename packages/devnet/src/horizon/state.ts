import { TrustlineIndex } from './trustline-index.ts';

/**
 * Ledger entries of the local ledger, shaped after Stellar-ledger-entries.x but kept as plain
 * data so a whole state can be cloned for all-or-nothing transaction application.
 */
export const AccountFlag = { AUTH_REQUIRED: 1, AUTH_REVOCABLE: 2, AUTH_IMMUTABLE: 4, AUTH_CLAWBACK_ENABLED: 8 } as const;
export const ACCOUNT_FLAG_MASK = 0xf;
export const TrustFlag = { AUTHORIZED: 1, MAINTAIN_LIABILITIES: 2, CLAWBACK_ENABLED: 4 } as const;
export const TRUST_AUTH_FLAGS = TrustFlag.AUTHORIZED | TrustFlag.MAINTAIN_LIABILITIES;

/** Network parameters as on pubnet/testnet today (CAP-0005 base fee, 0.5 XLM base reserve). */
export const BASE_FEE = 100n;
export const BASE_RESERVE = 5_000_000n;
export const MAX_SIGNERS = 20;
export const MAX_SUBENTRIES = 1000;

export interface SignerEntry {
  key: string;
  weight: number;
  sponsor?: string;
}

export interface DataEntry {
  value: Uint8Array;
  sponsor?: string;
}

export interface AccountEntry {
  id: string;
  balance: bigint;
  seq: bigint;
  seqLedger: number;
  seqTime: number;
  flags: number;
  homeDomain: string;
  masterWeight: number;
  thresholds: { low: number; med: number; high: number };
  signers: SignerEntry[];
  data: Map<string, DataEntry>;
  subentries: number;
  numSponsoring: number;
  numSponsored: number;
  /** Who pays this account's two base reserves (sponsored creation). */
  sponsor?: string;
  lastModified: number;
}

export interface TrustlineEntry {
  account: string;
  code: string;
  issuer: string;
  balance: bigint;
  limit: bigint;
  flags: number;
  sponsor?: string;
  lastModified: number;
}

export const trustKey = (account: string, code: string, issuer: string) => `${account}|${code}|${issuer}`;

/** ClaimPredicate in XDR wire form (type 0 unconditional … 5 before relative time). */
export type Predicate =
  | { type: 0 }
  | { type: 1; andPredicates: Predicate[] }
  | { type: 2; orPredicates: Predicate[] }
  | { type: 3; notPredicate: Predicate | null }
  | { type: 4; absBefore: bigint }
  | { type: 5; relBefore: bigint };

/** ClaimableBalanceEntry. Never mutated once created (claimed or clawed back = deleted), so clones share it. */
export interface ClaimableBalanceEntry {
  /** Horizon's form: hex of the ClaimableBalanceID XDR ("00000000" + sha256 of the op id). */
  id: string;
  /** null = native. */
  asset: { code: string; issuer: string } | null;
  amount: bigint;
  /** Relative predicates already made absolute at creation, as stellar-core stores them. */
  claimants: { destination: string; predicate: Predicate }[];
  clawbackEnabled: boolean;
  /** Pays claimants.length base reserves (the creator, or its sponsor). */
  sponsor: string;
}

export class LedgerState {
  readonly #lines: Map<string, TrustlineEntry>;
  readonly #index: TrustlineIndex;

  /** Without an index, one is built from `trustlines` (O(T log T)); clones pass theirs on. */
  constructor(
    readonly accounts = new Map<string, AccountEntry>(),
    trustlines = new Map<string, TrustlineEntry>(),
    readonly claimableBalances = new Map<string, ClaimableBalanceEntry>(),
    index?: TrustlineIndex,
  ) {
    this.#lines = trustlines;
    this.#index = index ?? new TrustlineIndex();
    if (!index) this.#index.addMany([...trustlines].map(([key, t]) => ({ key, account: t.account, code: t.code, issuer: t.issuer })));
  }

  /** Read-only: lines are added and removed through putTrustline / removeTrustline, which keep the index. */
  get trustlines(): ReadonlyMap<string, TrustlineEntry> {
    return this.#lines;
  }

  account(id: string): AccountEntry | undefined {
    return this.accounts.get(id);
  }

  trustline(account: string, code: string, issuer: string): TrustlineEntry | undefined {
    return this.#lines.get(trustKey(account, code, issuer));
  }

  /** Adds a line, or replaces the entry of an existing one. */
  putTrustline(t: TrustlineEntry): void {
    const key = trustKey(t.account, t.code, t.issuer);
    if (!this.#lines.has(key)) this.#index.add(key, t.account, t.code, t.issuer);
    this.#lines.set(key, t);
  }

  /** Many new lines at once (devnet bulk load): the holder index is sorted once per asset. */
  putTrustlines(lines: TrustlineEntry[]): void {
    const fresh: { key: string; account: string; code: string; issuer: string }[] = [];
    for (const t of lines) {
      const key = trustKey(t.account, t.code, t.issuer);
      if (!this.#lines.has(key)) fresh.push({ key, account: t.account, code: t.code, issuer: t.issuer });
      this.#lines.set(key, t);
    }
    this.#index.addMany(fresh);
  }

  removeTrustline(account: string, code: string, issuer: string): void {
    const key = trustKey(account, code, issuer);
    if (this.#lines.delete(key)) this.#index.remove(key, account, code, issuer);
  }

  /** A deep copy: failed transactions roll back to it, leaving fee and sequence charged. */
  clone(): LedgerState {
    return new LedgerState(
      new Map([...this.accounts].map(([k, a]) => [k, cloneAccount(a)])),
      new Map([...this.#lines].map(([k, t]) => [k, { ...t }])),
      new Map(this.claimableBalances),
      this.#index.clone(),
    );
  }

  /** The account's lines, in creation order: O(its lines), not a scan of the ledger's. */
  trustlinesOf(account: string): TrustlineEntry[] {
    return this.#index.keysOf(account).map((k) => this.#lines.get(k)!);
  }

  /** Accounts holding a line to CODE:ISSUER, ascending by account id (shared: do not modify). */
  holdersOf(code: string, issuer: string): readonly string[] {
    return this.#index.holders(code, issuer);
  }

  /** Every asset that has at least one trustline. */
  assets(): { code: string; issuer: string }[] {
    return this.#index.assets();
  }
}

function cloneAccount(a: AccountEntry): AccountEntry {
  return {
    ...a,
    thresholds: { ...a.thresholds },
    signers: a.signers.map((s) => ({ ...s })),
    data: new Map([...a.data].map(([k, d]) => [k, { ...d }])),
  };
}

/** stellar-core getMinBalance: (2 + subentries + sponsoring - sponsored) × base reserve. */
export const minBalance = (a: AccountEntry): bigint => BigInt(2 + a.subentries + a.numSponsoring - a.numSponsored) * BASE_RESERVE;

/** What an account can spend (no offers here, so no selling liabilities). */
export const availableBalance = (a: AccountEntry): bigint => a.balance - minBalance(a);

export function newAccount(id: string, balance: bigint, ledger: number, closeTime: number): AccountEntry {
  return {
    id,
    balance,
    seq: BigInt(ledger) << 32n,
    seqLedger: ledger,
    seqTime: closeTime,
    flags: 0,
    homeDomain: '',
    masterWeight: 1,
    thresholds: { low: 0, med: 0, high: 0 },
    signers: [],
    data: new Map(),
    subentries: 0,
    numSponsoring: 0,
    numSponsored: 0,
    lastModified: ledger,
  };
}
