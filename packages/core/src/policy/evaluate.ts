import { FiscusError } from '../errors.ts';
import type { Policy, PolicyAction, PolicyDecision, PolicyFacts, PolicyRule } from './types.ts';

/** Who may enter or stay in the fund: checked when units arrive, and for `hold` sweeps. */
const ELIGIBILITY_ACTIONS: ReadonlySet<PolicyAction> = new Set(['subscribe', 'receive', 'hold']);
/**
 * KYC gates every action EXCEPT redeem: an investor whose KYC lapsed, was revoked or who became
 * sanctioned must still be redeemable out of the fund (the issuer pays them out at NAV; regulators
 * expect the exit, not a stuck position). Compliance's force-transfer does not go through here.
 */
const KYC_ACTIONS: ReadonlySet<PolicyAction> = new Set(['subscribe', 'receive', 'hold', 'transferOut']);
const INCOMING: ReadonlySet<PolicyAction> = new Set(['subscribe', 'receive']);
const OUTGOING: ReadonlySet<PolicyAction> = new Set(['redeem', 'transferOut']);

const deny = (rule: PolicyRule, message: string, limit?: string, actual?: string): PolicyDecision => ({
  allow: false,
  rule,
  message,
  ...(limit !== undefined ? { limit } : {}),
  ...(actual !== undefined ? { actual } : {}),
});

/**
 * Evaluates one action against the policy. Pure: the caller supplies the investor's holding
 * summed over all chains and wallets, and the distinct holder count, so one investor with
 * wallets on three chains is one holder with one position. Rules are checked in a fixed order
 * and the first failure is returned, so the same facts always name the same rule.
 */
export function evaluatePolicy(policy: Policy, facts: PolicyFacts): PolicyDecision {
  const { investor, action, units, holding, now } = facts;
  if (units < 0n || holding < 0n || !Number.isInteger(facts.holderCount) || facts.holderCount < 0) {
    throw new FiscusError('VALIDATION_FAILED', 'policy facts: units, holding and holderCount must be ≥ 0', {
      meta: { units: units.toString(), holding: holding.toString(), holderCount: facts.holderCount },
    });
  }
  const country = investor.jurisdiction.toUpperCase();

  if (ELIGIBILITY_ACTIONS.has(action)) {
    if (policy.blockedJurisdictions.includes(country)) {
      return deny('jurisdiction_blocked', `jurisdiction ${country} is blocked`, undefined, country);
    }
    const allowed = policy.allowedJurisdictions;
    if (allowed && allowed.length > 0 && !allowed.includes(country)) {
      return deny('jurisdiction_not_allowed', `jurisdiction ${country} is not in the allowed list (${allowed.join(', ')})`, allowed.join(','), country);
    }
    const types = policy.allowedInvestorTypes;
    if (types && types.length > 0 && !(types as string[]).includes(investor.investorType)) {
      return deny('investor_type', `investor type ${investor.investorType} is not allowed (${types.join(', ')})`, types.join(','), investor.investorType);
    }
  }

  if (policy.kycRequired && KYC_ACTIONS.has(action)) {
    if (investor.kycStatus !== 'verified') {
      return deny('kyc_required', `KYC status is ${investor.kycStatus}, verified required`, 'verified', investor.kycStatus);
    }
    const expires = investor.kycExpiresAt;
    if (expires && now.getTime() >= expires.getTime()) {
      return deny('kyc_expired', `KYC expired at ${expires.toISOString()} (now ${now.toISOString()})`, expires.toISOString(), now.toISOString());
    }
  }

  if (INCOMING.has(action)) {
    const after = holding + units;
    const becomesHolder = holding === 0n && units > 0n;
    if (policy.maxHolders !== undefined && becomesHolder && facts.holderCount >= policy.maxHolders) {
      return deny(
        'max_holders',
        `holder count would be ${facts.holderCount + 1} > max ${policy.maxHolders}`,
        String(policy.maxHolders),
        String(facts.holderCount + 1),
      );
    }
    if (policy.maxHolding !== undefined && after > policy.maxHolding) {
      return deny('max_holding', `holding would be ${after} > max ${policy.maxHolding}`, policy.maxHolding.toString(), after.toString());
    }
  }

  if (policy.minHolding !== undefined && (INCOMING.has(action) || OUTGOING.has(action))) {
    const after = INCOMING.has(action) ? holding + units : holding - units;
    // A full exit (0) is always allowed; only a dust position between 0 and the minimum is not.
    if (after > 0n && after < policy.minHolding) {
      return deny('min_holding', `holding would be ${after} < min ${policy.minHolding}`, policy.minHolding.toString(), after.toString());
    }
  }

  if (OUTGOING.has(action) && policy.lockupSeconds && facts.lastSubscribedAt) {
    const unlocksAt = new Date(facts.lastSubscribedAt.getTime() + policy.lockupSeconds * 1000);
    if (now.getTime() < unlocksAt.getTime()) {
      return deny('lockup', `units are locked up until ${unlocksAt.toISOString()} (now ${now.toISOString()})`, unlocksAt.toISOString(), now.toISOString());
    }
  }

  return { allow: true };
}

/** Throws POLICY_DENIED naming the rule, so the API can say exactly why (PITFALLS: chains only say "Transfer not possible"). */
export function assertPolicyAllows(policy: Policy, facts: PolicyFacts): void {
  const d = evaluatePolicy(policy, facts);
  if (!d.allow) {
    throw new FiscusError('POLICY_DENIED', d.message, { meta: { rule: d.rule, limit: d.limit, actual: d.actual } });
  }
}
