import type { ChainDriver, Deployment, PreparedTx } from './driver.ts';
import type { Policy } from './policy/types.ts';
import type { SettlementAsset } from './settlement.ts';
import type { MicroUsd } from './usd.ts';

// Driver extensions: a feature only some chains have is an interface here, tied to a capability
// flag. The driver implements the interface and declares the flag; callers get it through the
// accessor, which checks both, so no caller probes a driver for method names or chain ids.
// docs/architecture.md, "The driver contract".

/**
 * Replacement at the same nonce (capability `replaceByFee`). Both transactions have the same
 * nonce, so at most one lands: the engine keeps every signed candidate and books whichever does.
 */
export interface FeeReplacement {
  /**
   * The same transaction (same nonce, same effect) re-signed with higher fees under the
   * driver's bounded fee policy; null when the policy's cap leaves no higher bid.
   */
  bumpFee(previous: PreparedTx): Promise<PreparedTx | null>;
  /** A no-op at `previous`'s nonce priced to replace it: gives the effect up, keeps the nonce used. */
  fillerFor(previous: PreparedTx): Promise<PreparedTx>;
}

/** The driver's fee replacement, when its capabilities declare one. */
export function feeReplacementOf(driver: ChainDriver): FeeReplacement | undefined {
  const d = driver as ChainDriver & Partial<FeeReplacement>;
  return driver.capabilities.replaceByFee && d.bumpFee && d.fillerFor ? (d as FeeReplacement) : undefined;
}

/** Mirrors the fund's policy onto the chain's own compliance settings (capability `policySync`). */
export interface PolicySync {
  /**
   * Writes `policy` onto the deployment's on-chain compliance (idempotent: only the settings that
   * differ are sent, signed outside the engine's outbox); returns how many transactions it sent.
   */
  applyPolicy(deployment: Deployment, policy: Policy): Promise<number>;
}

export function policySyncOf(driver: ChainDriver): PolicySync | undefined {
  const d = driver as ChainDriver & Partial<PolicySync>;
  return driver.capabilities.policySync && d.applyPolicy ? (d as PolicySync) : undefined;
}

export interface TrustlineState {
  /** The account exists on the chain. */
  account: boolean;
  /** The holder has opted in to the asset (its trustline exists). */
  exists: boolean;
}

/** Chains where the holder opts in to the asset first (capability `trustlines`). */
export interface Trustlines {
  /** Whether `address` has opted in; the issuer can only authorize an existing line. */
  trustline(deployment: Deployment, address: string): Promise<TrustlineState>;
}

export function trustlinesOf(driver: ChainDriver): Trustlines | undefined {
  const d = driver as ChainDriver & Partial<Trustlines>;
  return driver.capabilities.trustlines && d.trustline ? (d as Trustlines) : undefined;
}

/** A transaction the platform built and signed for an investor to co-sign and submit. */
export interface InvestorTransaction {
  /** The chain's encoding of the signed transaction (Stellar: base64 TransactionEnvelope). */
  xdr: string;
  hash: string;
  /** The investor's account: source of the transaction and of its sequence number. */
  source: string;
  /** The account that pays the reserve of the entries it creates. */
  sponsor: string;
  /** The network the signatures are for (the investor's wallet signs with the same). */
  networkPassphrase: string;
  validUntil: Date;
}

/** The platform pays the reserve of an investor's trustline (capability `sponsoredReserves`). */
export interface SponsoredReserves {
  sponsoredTrustline(deployment: Deployment, investor: string): Promise<InvestorTransaction>;
}

export function sponsoredReservesOf(driver: ChainDriver): SponsoredReserves | undefined {
  const d = driver as ChainDriver & Partial<SponsoredReserves>;
  return driver.capabilities.sponsoredReserves && d.sponsoredTrustline ? (d as SponsoredReserves) : undefined;
}

export interface FeeBumpResult {
  /** Hash of the outer (fee-paying) transaction, the one the chain indexes. */
  hash: string;
  innerHash: string;
  /** The investor's account (the inner transaction's source). */
  source: string;
  feeAccount: string;
  ledger: number;
}

/** The platform pays the fee of an investor-signed transaction (capability `feeSponsorship`). */
export interface FeeSponsorship {
  /**
   * Checks the investor-signed transaction, lets the caller vet its source (`approveSource`
   * throws to refuse), then wraps it in a transaction paid by the platform and submits it.
   */
  feeBump(deployment: Deployment, xdr: string, o?: { approveSource?: (source: string) => Promise<void> }): Promise<FeeBumpResult>;
}

export function feeSponsorshipOf(driver: ChainDriver): FeeSponsorship | undefined {
  const d = driver as ChainDriver & Partial<FeeSponsorship>;
  return driver.capabilities.feeSponsorship && d.feeBump ? (d as FeeSponsorship) : undefined;
}

/**
 * Per-transfer approval by the issuer (capability `transferApproval`: Stellar SEP-8). What a
 * transfer request and a holder's standing are is the chain's own (no other chain has them), so
 * the chain package exports the interface and the caller names it: `transferApprovalOf<Sep8Approvals>(driver)`.
 */
export function transferApprovalOf<T extends object>(driver: ChainDriver): (ChainDriver & T) | undefined {
  return driver.capabilities.transferApproval ? (driver as ChainDriver & T) : undefined;
}

/**
 * The fund's stablecoin on this chain (capability `settlement`, issue 12): which asset, where the
 * platform holds it, and balances read from the chain, so the reconciler can compare the
 * treasury with the ledger's stablecoin:<chain> and the API can show liquidity and test wallets.
 */
export interface StablecoinSettlement {
  settlementAsset(deployment: Deployment): SettlementAsset;
  /** The account or contract whose balance is the platform's stablecoin cash on this chain. */
  treasuryAddress(deployment: Deployment): string;
  /** `address`'s stablecoin balance in the asset's base units (0 when it cannot hold it). */
  stablecoinBalance(deployment: Deployment, address: string): Promise<bigint>;
}

/**
 * The on-chain limits of a chain's settlement contracts, in micro-dollars (`0` = no cap): stablecoin
 * subscribed per UTC day in all and per investor, and paid by instant redemptions per UTC day.
 */
export interface SettlementCaps {
  subscriptionDailyUsd: MicroUsd;
  subscriptionInvestorDailyUsd: MicroUsd;
  instantRedemptionDailyUsd: MicroUsd;
}

/** Chains whose settlement contracts hold their own limits (EVM): read them, and write them idempotently. */
export interface SettlementCapsControl {
  settlementCaps(deployment: Deployment): Promise<SettlementCaps>;
  /** Sends only the setters whose values differ (signed by the admin key, outside the outbox); returns how many. */
  applySettlementCaps(deployment: Deployment, caps: Partial<SettlementCaps>): Promise<number>;
}

export function settlementCapsOf(driver: ChainDriver): SettlementCapsControl | undefined {
  const d = driver as ChainDriver & Partial<SettlementCapsControl>;
  return stablecoinSettlementOf(driver) && d.settlementCaps && d.applySettlementCaps ? (d as SettlementCapsControl) : undefined;
}

export function stablecoinSettlementOf(driver: ChainDriver): StablecoinSettlement | undefined {
  const d = driver as ChainDriver & Partial<StablecoinSettlement>;
  return driver.capabilities.settlement && d.settlementAsset && d.treasuryAddress && d.stablecoinBalance ? (d as StablecoinSettlement) : undefined;
}
