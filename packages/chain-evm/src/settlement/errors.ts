import type { Interface } from 'ethers';
import { FiscusError, type ErrorCode } from '@fiscus/core';
import { abi } from '../contracts/abi.ts';

/** Custom errors of FiscusSubscription / FiscusRedemption and the code each one means. */
const CUSTOM: Record<string, [ErrorCode, string]> = {
  NotVerified: ['NOT_AUTHORIZED_ON_CHAIN', 'the investor is not a verified identity of the token'],
  WalletFrozen: ['FROZEN', 'the wallet is frozen'],
  ComplianceRefused: ['POLICY_DENIED', "a compliance module refuses the investor's new units"],
  TokenPaused: ['PAUSED', 'the fund token is paused'],
  ContractPaused: ['PAUSED', 'on-chain subscriptions / redemptions of the fund are paused'],
  NavStale: ['NAV_STALE', 'the on-chain NAV is older than the contract accepts'],
  NavBelowMinimum: ['NAV_STALE', "the on-chain NAV is below the contract's minimum price"],
  DailyCapExceeded: ['RATE_LIMITED', "the fund's daily subscription cap is reached"],
  InvestorCapExceeded: ['RATE_LIMITED', "the investor's daily subscription cap is reached"],
  InstantLimitExceeded: ['RATE_LIMITED', "the day's instant redemption liquidity is used up: request the redemption instead"],
  InsufficientLiquidity: ['INSUFFICIENT_BALANCE', "the fund's treasury on this chain holds too little stablecoin"],
  InsufficientUnits: ['INSUFFICIENT_BALANCE', 'not enough free (unfrozen) units'],
  Slippage: ['CONFLICT', 'the price moved past the minimum the caller accepted'],
  ZeroAmount: ['INVALID_AMOUNT', 'the amount is zero, or worth less than one unit / base unit'],
  NotPayer: ['FORBIDDEN', "the signing key is not the treasury's payer"],
  NotOwner: ['FORBIDDEN', 'only the contract owner (admin key) may do this'],
};

const ifaces: Interface[] = [abi.subscription, abi.redemption];

/** Revert data (0x + selector + args) somewhere in an ethers / JSON-RPC error. */
type WithData = { data?: unknown };
type ErrorShape = WithData & { info?: { error?: WithData }; error?: WithData; revert?: WithData };

function revertData(e: unknown): string | undefined {
  const x = e as ErrorShape | null;
  for (const d of [x?.data, x?.info?.error?.data, x?.error?.data, x?.revert?.data]) {
    if (typeof d === 'string' && /^0x[0-9a-f]{8}/i.test(d)) return d;
    const inner = (d as WithData | undefined)?.data;
    if (typeof inner === 'string') return inner;
  }
  return undefined;
}

/** A settlement contract's custom error as a FiscusError, or undefined when it is none of ours. */
export function parseSettlementRevert(e: unknown): FiscusError | undefined {
  const data = revertData(e);
  if (!data) return undefined;
  for (const iface of ifaces) {
    const parsed = (() => {
      try {
        return iface.parseError(data);
      } catch {
        return null;
      }
    })();
    const hit = parsed && CUSTOM[parsed.name];
    if (parsed && hit) {
      const args = Object.fromEntries(parsed.fragment.inputs.map((p, i) => [p.name || String(i), String(parsed.args[i])]));
      return new FiscusError(hit[0], hit[1], { meta: { revert: parsed.name, ...args }, cause: e });
    }
  }
  return undefined;
}
