import type { InvestorType } from '../investor.ts';

/**
 * A fund's compliance policy: ONE definition, evaluated off-chain per investor across every
 * wallet on every chain before any operation is signed, and mirrored on chain where a chain can.
 */
export interface Policy {
  /** ISO alpha-2 codes; absent or empty = any jurisdiction not blocked. */
  allowedJurisdictions?: string[];
  /** ISO alpha-2 codes; always wins over allowedJurisdictions. */
  blockedJurisdictions: string[];
  /** Absent or empty = any investor type. */
  allowedInvestorTypes?: InvestorType[];
  kycRequired: boolean;
  /** Distinct investors (not wallets) holding > 0 units across all chains. */
  maxHolders?: number;
  /** Base units; a position may be 0 (full exit) or ≥ minHolding. */
  minHolding?: bigint;
  /** Base units, summed over all the investor's wallets on all chains. */
  maxHolding?: bigint;
  /** Seconds after the investor's last subscription before they may redeem or transfer out. */
  lockupSeconds?: number;
}

/** KYC required, nothing else restricted: the least an issuer of a regulated fund starts with. */
export const DEFAULT_POLICY: Policy = Object.freeze({
  blockedJurisdictions: Object.freeze([]) as unknown as string[],
  kycRequired: true,
});

export type PolicyAction = 'subscribe' | 'receive' | 'redeem' | 'transferOut' | 'hold';

export interface PolicyFacts {
  investor: { id: string; jurisdiction: string; investorType: string; kycStatus: string; kycExpiresAt?: Date | null };
  action: PolicyAction;
  /** Size of this action in base units, ≥ 0 (0 for `hold`). */
  units: bigint;
  /** The investor's current total across ALL chains and wallets. */
  holding: bigint;
  /** Distinct investors with holding > 0 across all chains (an investor counts once). */
  holderCount: number;
  lastSubscribedAt?: Date | null;
  now: Date;
}

export type PolicyRule =
  | 'jurisdiction_blocked'
  | 'jurisdiction_not_allowed'
  | 'investor_type'
  | 'kyc_required'
  | 'kyc_expired'
  | 'max_holders'
  | 'max_holding'
  | 'min_holding'
  | 'lockup';

export type PolicyDecision = { allow: true } | { allow: false; rule: PolicyRule; message: string; limit?: string; actual?: string };
