import { evaluatePolicy, formatUnits, type Policy, type PolicyAction, type PolicyDecision } from '@fiscus/core';
import { investorPosition } from '@fiscus/engine';
import type { Db, InvestorRow } from '@fiscus/ledger';

/** One party's side of an approval, judged with the fund's one policy. */
export interface PartyCheck {
  /** "sender GA…" / "receiver GB…": named in the rejection. */
  who: string;
  investor: InvestorRow;
  action: Exclude<PolicyAction, 'hold' | 'subscribe'>;
  units: bigint;
  /** Units approved to this investor by SEP-8 answers still open (not landed, not expired). */
  pendingIn: bigint;
}

const UNIT_RULES = new Set(['max_holding', 'min_holding']);

/**
 * The same evaluation as checkCompliance (engine/src/compliance.ts) — the fund's policy, the
 * investor's holding summed over ALL wallets on ALL chains plus mints in flight, the holder
 * count across chains — with the SEP-8 approvals still open added to the receiver's holding,
 * as SEP-8 advises for signed transactions that may still land. Returns the rejection text
 * naming the rule and its numbers, or undefined.
 */
export async function judgeParty(db: Db, p: { fundId: string; policy: Policy; decimals: number; now: Date }, c: PartyCheck): Promise<string | undefined> {
  const pos = await investorPosition(db, { fundId: p.fundId, investorId: c.investor.id, countHolders: p.policy.maxHolders !== undefined });
  const decision = evaluatePolicy(p.policy, {
    investor: {
      id: c.investor.id,
      jurisdiction: c.investor.jurisdiction,
      investorType: c.investor.investorType,
      kycStatus: c.investor.kycStatus,
      kycExpiresAt: c.investor.kycExpiresAt,
    },
    action: c.action,
    units: c.units,
    holding: pos.holding + c.pendingIn,
    holderCount: pos.holderCount,
    lastSubscribedAt: pos.lastSubscribedAt,
    now: p.now,
  });
  return decision.allow ? undefined : describeDenial(c, decision, p.decimals);
}

function describeDenial(c: PartyCheck, d: Extract<PolicyDecision, { allow: false }>, decimals: number): string {
  const numbers =
    UNIT_RULES.has(d.rule) && d.limit !== undefined && d.actual !== undefined
      ? ` (limit ${formatUnits(BigInt(d.limit), decimals)} units, would be ${formatUnits(BigInt(d.actual), decimals)} units)`
      : d.limit !== undefined
        ? ` (limit ${d.limit}, actual ${d.actual})`
        : '';
  return `${c.who} (investor ${c.investor.id}) fails the fund policy rule ${d.rule} for ${c.action} of ${formatUnits(c.units, decimals)} units: ${d.message}${numbers}`;
}
