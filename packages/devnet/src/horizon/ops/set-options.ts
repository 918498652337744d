import { OpFailure, fail } from '../codes.ts';
import { ACCOUNT_FLAG_MASK, AccountFlag, MAX_SIGNERS, type AccountEntry } from '../state.ts';
import type { ApplyContext, OpHandler } from './context.ts';
import { addSubentry, removeSubentry } from './sponsorship.ts';

/** The SDK's decoded setOptions (flags as numbers, signer keys as strings). */
export interface SetOptionsOp {
  inflationDest?: string;
  clearFlags?: number;
  setFlags?: number;
  masterWeight?: number;
  lowThreshold?: number;
  medThreshold?: number;
  highThreshold?: number;
  homeDomain?: string;
  signer?: { ed25519PublicKey?: string; weight?: number; [other: string]: unknown };
}

const ALL_AUTH = AccountFlag.AUTH_REQUIRED | AccountFlag.AUTH_REVOCABLE | AccountFlag.AUTH_IMMUTABLE | AccountFlag.AUTH_CLAWBACK_ENABLED;
const HOME_DOMAIN = /^[\x20-\x7e]{0,32}$/;
const FLAG_NAMES: [number, string][] = [
  [1, 'auth_required_flag'],
  [2, 'auth_revocable_flag'],
  [4, 'auth_immutable_flag'],
  [8, 'auth_clawback_enabled_flag'],
];
const touchesWeights = (op: SetOptionsOp) => [op.masterWeight, op.lowThreshold, op.medThreshold, op.highThreshold, op.signer].some((v) => v !== undefined);

/** SetOptionsOpFrame: flags, home domain, master weight, thresholds, ed25519 signers. */
export const setOptions: OpHandler<SetOptionsOp> = {
  // Changing who may sign needs the HIGH threshold; everything else MEDIUM.
  threshold: (op) => (touchesWeights(op) ? 'high' : 'med'),
  participants: () => [],
  check(op, source) {
    const set = op.setFlags ?? 0;
    const clear = op.clearFlags ?? 0;
    if (op.inflationDest !== undefined) throw new OpFailure('op_not_supported');
    if (op.signer && op.signer.ed25519PublicKey === undefined) throw new OpFailure('op_not_supported'); // pre-auth / hash-x signers
    if (set & clear) fail('op_bad_flags');
    if ((set | clear) & ~ACCOUNT_FLAG_MASK) fail('op_unknown_flag');
    for (const w of [op.masterWeight, op.lowThreshold, op.medThreshold, op.highThreshold, op.signer?.weight]) {
      if (w !== undefined && (w < 0 || w > 255)) fail('op_threshold_out_of_range');
    }
    if (op.signer?.ed25519PublicKey === source) fail('op_bad_signer');
    if (op.homeDomain !== undefined && !HOME_DOMAIN.test(op.homeDomain)) fail('op_invalid_home_domain');
  },
  apply(ctx, op, source) {
    const a = ctx.state.account(source)!;
    const set = op.setFlags ?? 0;
    const clear = op.clearFlags ?? 0;
    if (a.flags & AccountFlag.AUTH_IMMUTABLE && (set | clear) & ALL_AUTH) fail('op_cant_change');
    const flags = (a.flags & ~clear) | set;
    if (flags & AccountFlag.AUTH_CLAWBACK_ENABLED && !(flags & AccountFlag.AUTH_REVOCABLE)) fail('op_auth_revocable_required');
    if (op.signer) updateSigner(ctx, a, op.signer.ed25519PublicKey!, op.signer.weight ?? 0);
    a.flags = flags;
    if (op.masterWeight !== undefined) a.masterWeight = op.masterWeight;
    if (op.lowThreshold !== undefined) a.thresholds.low = op.lowThreshold;
    if (op.medThreshold !== undefined) a.thresholds.med = op.medThreshold;
    if (op.highThreshold !== undefined) a.thresholds.high = op.highThreshold;
    if (op.homeDomain !== undefined) a.homeDomain = op.homeDomain;
    a.lastModified = ctx.ledger;
    return record(op, set, clear);
  },
};

function updateSigner(ctx: ApplyContext, a: AccountEntry, key: string, weight: number) {
  const i = a.signers.findIndex((s) => s.key === key);
  if (weight === 0) {
    if (i < 0) return;
    removeSubentry(ctx, a, a.signers[i]!.sponsor);
    a.signers.splice(i, 1);
  } else if (i >= 0) {
    a.signers[i]!.weight = weight;
  } else {
    if (a.signers.length >= MAX_SIGNERS) fail('op_too_many_signers');
    a.signers.push({ key, weight, sponsor: addSubentry(ctx, a, 'op_low_reserve') });
    a.signers.sort((x, y) => (x.key < y.key ? -1 : 1));
  }
}

function record(op: SetOptionsOp, set: number, clear: number): Record<string, unknown> {
  const r: Record<string, unknown> = {};
  const names = (f: number) => FLAG_NAMES.filter(([b]) => f & b);
  if (set) Object.assign(r, { set_flags: names(set).map(([b]) => b), set_flags_s: names(set).map(([, n]) => n) });
  if (clear) Object.assign(r, { clear_flags: names(clear).map(([b]) => b), clear_flags_s: names(clear).map(([, n]) => n) });
  if (op.homeDomain !== undefined) r.home_domain = op.homeDomain;
  if (op.masterWeight !== undefined) r.master_key_weight = op.masterWeight;
  if (op.lowThreshold !== undefined) r.low_threshold = op.lowThreshold;
  if (op.medThreshold !== undefined) r.med_threshold = op.medThreshold;
  if (op.highThreshold !== undefined) r.high_threshold = op.highThreshold;
  if (op.signer) Object.assign(r, { signer_key: op.signer.ed25519PublicKey, signer_weight: op.signer.weight ?? 0 });
  return r;
}
