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
  constructor(
    readonly accounts = new Map<string, AccountEntry>(),
    readonly trustlines = new Map<string, TrustlineEntry>(),
    readonly claimableBalances = new Map<string, ClaimableBalanceEntry>(),
  ) {}

  account(id: string): AccountEntry | undefined {
    return this.accounts.get(id);
  }

  trustline(account: string, code: string, issuer: string): TrustlineEntry | undefined {
    return this.trustlines.get(trustKey(account, code, issuer));
  }

  /** A deep copy: failed transactions roll back to it, leaving fee and sequence charged. */
  clone(): LedgerState {
    return new LedgerState(
      new Map([...this.accounts].map(([k, a]) => [k, cloneAccount(a)])),
      new Map([...this.trustlines].map(([k, t]) => [k, { ...t }])),
      new Map(this.claimableBalances),
    );
  }

  trustlinesOf(account: string): TrustlineEntry[] {
    return [...this.trustlines.values()].filter((t) => t.account === account);
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
