import type { Asset, Operation } from '@stellar/stellar-sdk';
import { INT64_MAX } from '@fiscus/core';
import { formatAmount, parseAmount } from '../amounts.ts';
import { fail } from '../codes.ts';
import { AccountFlag, availableBalance, BASE_RESERVE, TrustFlag, type ClaimableBalanceEntry, type Predicate } from '../state.ts';
import { BALANCE_ID, issuerOf, RESULT, type ApplyContext, type OpHandler } from './context.ts';

/**
 * Claimable balances as stellar-core applies them (src/transactions/CreateClaimableBalanceOpFrame.cpp,
 * ClaimClaimableBalanceOpFrame.cpp, ClawbackClaimableBalanceOpFrame.cpp). The issuer's own
 * "trustline" is infinite and always authorized (TrustLineWrapper's IssuerImpl): an issuer that
 * claims a balance of its asset burns it; one that creates a balance mints into it.
 */
export const createClaimableBalance: OpHandler<Operation.CreateClaimableBalance> = {
  threshold: () => 'med',
  participants: (op) => op.claimants.map((c) => c.destination),
  check(op) {
    const dests = op.claimants.map((c) => c.destination);
    if (parseAmount(op.amount) <= 0n || dests.length === 0 || new Set(dests).size !== dests.length) fail('op_malformed');
    if (!op.claimants.every((c) => validPredicate(wire(c.predicate), 1))) fail('op_malformed');
  },
  apply(ctx, op, source) {
    const amount = parseAmount(op.amount);
    const clawbackEnabled = debit(ctx, source, op.asset, amount);
    // The entry's reserve: one base reserve per claimant, paid by the source (or its sponsor).
    const sponsorId = ctx.sponsorships.get(source) ?? source;
    const sponsor = ctx.state.account(sponsorId);
    const reserve = BigInt(op.claimants.length) * BASE_RESERVE;
    if (!sponsor || availableBalance(sponsor) < reserve) fail('op_low_reserve');
    sponsor!.numSponsoring += op.claimants.length;
    const id = ctx.tx.getClaimableBalanceId(ctx.opIndex).toLowerCase();
    const entry: ClaimableBalanceEntry = {
      id,
      amount,
      clawbackEnabled,
      sponsor: sponsorId,
      asset: op.asset.isNative() ? null : { code: op.asset.getCode(), issuer: issuerOf(op.asset) },
      claimants: op.claimants.map((c) => ({ destination: c.destination, predicate: absolute(wire(c.predicate), BigInt(ctx.closeTime)) })),
    };
    ctx.state.claimableBalances.set(id, entry);
    return {
      asset: canonical(op.asset),
      amount: formatAmount(amount),
      claimants: op.claimants.map((c) => ({ destination: c.destination, predicate: horizonPredicate(wire(c.predicate)) })),
      [RESULT]: { type: 0, v0: Buffer.from(id.slice(8), 'hex') },
      [BALANCE_ID]: id,
    };
  },
};

export const claimClaimableBalance: OpHandler<Operation.ClaimClaimableBalance> = {
  threshold: () => 'low',
  participants: () => [],
  check() {},
  apply(ctx, op, source) {
    const id = op.balanceId.toLowerCase();
    const entry = ctx.state.claimableBalances.get(id);
    if (!entry) fail('op_does_not_exist');
    const claimant = entry!.claimants.find((c) => c.destination === source);
    if (!claimant || !holds(claimant.predicate, BigInt(ctx.closeTime))) fail('op_cannot_claim');
    credit(ctx, source, entry!);
    release(ctx, entry!);
    return { balance_id: id, claimant: source, [BALANCE_ID]: id };
  },
};

export const clawbackClaimableBalance: OpHandler<Operation.ClawbackClaimableBalance> = {
  threshold: () => 'med',
  participants: () => [],
  check() {},
  apply(ctx, op, source) {
    const id = op.balanceId.toLowerCase();
    const entry = ctx.state.claimableBalances.get(id);
    if (!entry) fail('op_does_not_exist');
    if (!entry!.asset || entry!.asset.issuer !== source) fail('op_not_issuer');
    if (!entry!.clawbackEnabled) fail('op_not_clawback_enabled');
    release(ctx, entry!);
    return { balance_id: id, [BALANCE_ID]: id };
  },
};

/** Takes the amount from the source; returns whether the new balance can be clawed back (protocol ≥ 17). */
function debit(ctx: ApplyContext, source: string, asset: Asset, amount: bigint): boolean {
  const src = ctx.state.account(source)!;
  if (asset.isNative()) {
    if (availableBalance(src) < amount) fail('op_underfunded');
    src.balance -= amount;
    return false;
  }
  if (issuerOf(asset) === source) return !!(src.flags & AccountFlag.AUTH_CLAWBACK_ENABLED);
  const line = ctx.state.trustline(source, asset.getCode(), issuerOf(asset));
  if (!line) fail('op_no_trust');
  if (!(line!.flags & TrustFlag.AUTHORIZED)) fail('op_not_authorized');
  if (line!.balance < amount) fail('op_underfunded');
  line!.balance -= amount;
  line!.lastModified = ctx.ledger;
  return !!(line!.flags & TrustFlag.CLAWBACK_ENABLED);
}

function credit(ctx: ApplyContext, claimant: string, entry: ClaimableBalanceEntry): void {
  if (!entry.asset) {
    const a = ctx.state.account(claimant)!;
    if (a.balance + entry.amount > INT64_MAX) fail('op_line_full');
    a.balance += entry.amount;
    return;
  }
  if (entry.asset.issuer === claimant) return; // claimed by the issuer: burned
  const line = ctx.state.trustline(claimant, entry.asset.code, entry.asset.issuer);
  if (!line) fail('op_no_trust');
  if (!(line!.flags & TrustFlag.AUTHORIZED)) fail('op_not_authorized');
  if (line!.balance + entry.amount > line!.limit) fail('op_line_full');
  line!.balance += entry.amount;
  line!.lastModified = ctx.ledger;
}

/** removeEntryWithPossibleSponsorship: the sponsor gets its reserves back; the entry is gone. */
function release(ctx: ApplyContext, entry: ClaimableBalanceEntry): void {
  const sponsor = ctx.state.account(entry.sponsor);
  if (sponsor) sponsor.numSponsoring -= entry.claimants.length;
  ctx.state.claimableBalances.delete(entry.id);
}

const wire = (p: { toXdrObject(): unknown }) => p.toXdrObject() as Predicate;

/** CreateClaimableBalanceOpFrame validatePredicate: depth ≤ 4, and/or of two, times ≥ 0. */
function validPredicate(p: Predicate, depth: number): boolean {
  if (depth > 4) return false;
  switch (p.type) {
    case 0:
      return true;
    case 1:
      return p.andPredicates.length === 2 && p.andPredicates.every((x) => validPredicate(x, depth + 1));
    case 2:
      return p.orPredicates.length === 2 && p.orPredicates.every((x) => validPredicate(x, depth + 1));
    case 3:
      return p.notPredicate !== null && validPredicate(p.notPredicate, depth + 1);
    case 4:
      return p.absBefore >= 0n;
    case 5:
      return p.relBefore >= 0n;
  }
}

/** updatePredicatesForApply: relative times become absolute at the close time (saturating). */
function absolute(p: Predicate, closeTime: bigint): Predicate {
  switch (p.type) {
    case 1:
      return { type: 1, andPredicates: p.andPredicates.map((x) => absolute(x, closeTime)) };
    case 2:
      return { type: 2, orPredicates: p.orPredicates.map((x) => absolute(x, closeTime)) };
    case 3:
      return { type: 3, notPredicate: p.notPredicate && absolute(p.notPredicate, closeTime) };
    case 5:
      return { type: 4, absBefore: closeTime > INT64_MAX - p.relBefore ? INT64_MAX : closeTime + p.relBefore };
    default:
      return p;
  }
}

/** ClaimClaimableBalanceOpFrame validatePredicate at the close time. */
function holds(p: Predicate, closeTime: bigint): boolean {
  switch (p.type) {
    case 0:
      return true;
    case 1:
      return p.andPredicates.every((x) => holds(x, closeTime));
    case 2:
      return p.orPredicates.some((x) => holds(x, closeTime));
    case 3:
      return !holds(p.notPredicate!, closeTime);
    case 4:
      return p.absBefore > closeTime;
    case 5:
      return false; // never stored: made absolute at creation
  }
}

/** Horizon's JSON for a predicate as written in the operation. */
function horizonPredicate(p: Predicate): Record<string, unknown> {
  switch (p.type) {
    case 0:
      return { unconditional: true };
    case 1:
      return { and: p.andPredicates.map(horizonPredicate) };
    case 2:
      return { or: p.orPredicates.map(horizonPredicate) };
    case 3:
      return { not: p.notPredicate && horizonPredicate(p.notPredicate) };
    case 4: {
      const ms = Number(p.absBefore) * 1000;
      // Beyond what a JS date holds (year 275760) Horizon's date is meaningless: the epoch says it.
      const date = ms <= 8.64e15 ? { abs_before: new Date(ms).toISOString().replace('.000Z', 'Z') } : {};
      return { ...date, abs_before_epoch: p.absBefore.toString() };
    }
    case 5:
      return { rel_before: p.relBefore.toString() };
  }
}

/** Horizon's canonical asset string: "native" or "CODE:ISSUER". */
const canonical = (a: Asset) => (a.isNative() ? 'native' : `${a.getCode()}:${issuerOf(a)}`);
