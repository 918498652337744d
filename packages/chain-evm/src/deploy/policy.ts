import { normalizeJurisdiction, type Policy } from '@fiscus/core';
import { abi } from '../contracts/abi.ts';

/** What our three modules hold for one fund; 0 / empty = no restriction. */
export interface ModuleSettings {
  allowed: number[];
  blocked: number[];
  maxBalance: bigint;
  maxHolders: bigint;
  lockupSeconds: bigint;
}

/**
 * The on-chain mirror of the fund's policy. The chain sees one chain's wallets only, so it
 * enforces max holding and max holders per chain; the engine's off-chain check (before every
 * signature) is the one that sums positions over all chains. Investor type and KYC expiry have
 * no module: the IdentityRegistry registration (removed on expiry) carries them.
 */
export function moduleSettings(policy?: Policy): ModuleSettings {
  const numeric = (codes?: string[]) => [...new Set((codes ?? []).map((c) => normalizeJurisdiction(c).numeric))].sort((a, b) => a - b);
  return {
    allowed: numeric(policy?.allowedJurisdictions),
    blocked: numeric(policy?.blockedJurisdictions),
    maxBalance: policy?.maxHolding ?? 0n,
    maxHolders: BigInt(policy?.maxHolders ?? 0),
    lockupSeconds: BigInt(policy?.lockupSeconds ?? 0),
  };
}

/** Calldata for each module's setter (sent through ModularCompliance.callModuleFunction). */
export function moduleSetterCalls(s: ModuleSettings) {
  return {
    jurisdiction: abi.jurisdiction.encodeFunctionData('setJurisdictions', [s.allowed, s.blocked]),
    holdings: abi.holdings.encodeFunctionData('setLimits', [s.maxBalance, s.maxHolders]),
    lockup: abi.lockup.encodeFunctionData('setLockup', [s.lockupSeconds]),
  };
}
