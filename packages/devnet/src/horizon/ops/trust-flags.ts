import { Asset, type Operation } from '@stellar/stellar-sdk';
import { fail } from '../codes.ts';
import { AccountFlag, TRUST_AUTH_FLAGS, TrustFlag, type TrustlineEntry } from '../state.ts';
import { assetFields, issuerOf, type ApplyContext, type OpHandler } from './context.ts';

const FLAG_NAMES: [keyof Operation.SetTrustLineFlags['flags'], number, string][] = [
  ['authorized', TrustFlag.AUTHORIZED, 'authorized'],
  // Horizon's own spelling of this flag name.
  ['authorizedToMaintainLiabilities', TrustFlag.MAINTAIN_LIABILITIES, 'authorized_to_maintain_liabilites'],
  ['clawbackEnabled', TrustFlag.CLAWBACK_ENABLED, 'clawback_enabled'],
];

export function splitFlags(flags: Operation.SetTrustLineFlags['flags']): { set: number; clear: number } {
  let set = 0;
  let clear = 0;
  for (const [key, bit] of FLAG_NAMES) {
    if (flags[key] === true) set |= bit;
    else if (flags[key] === false) clear |= bit;
  }
  return { set, clear };
}

const flagList = (f: number) => FLAG_NAMES.filter(([, bit]) => f & bit);
const isRevocable = (ctx: ApplyContext, issuer: string) => !!(ctx.state.account(issuer)!.flags & AccountFlag.AUTH_REVOCABLE);

function loadLine(ctx: ApplyContext, trustor: string, asset: Asset): TrustlineEntry {
  const line = ctx.state.trustline(trustor, asset.getCode(), issuerOf(asset));
  return line ?? fail('op_no_trust');
}

/** SetTrustLineFlagsOpFrame. */
export const setTrustLineFlags: OpHandler<Operation.SetTrustLineFlags> = {
  threshold: () => 'low',
  participants: (op) => [op.trustor],
  check(op, source) {
    const { set, clear } = splitFlags(op.flags);
    const a = op.asset;
    if (a.isNative() || issuerOf(a) !== source || op.trustor === source || set & clear) fail('op_malformed');
    // The clawback flag can only be cleared; AUTHORIZED and MAINTAIN are mutually exclusive.
    if (set & TrustFlag.CLAWBACK_ENABLED || (set & TRUST_AUTH_FLAGS) === TRUST_AUTH_FLAGS) fail('op_malformed');
  },
  apply(ctx, op, source) {
    const { set, clear } = splitFlags(op.flags);
    // Without AUTH_REVOCABLE only "more authorized" transitions are allowed.
    if (!isRevocable(ctx, source) && clear & TRUST_AUTH_FLAGS && !(set & TrustFlag.AUTHORIZED)) fail('op_cant_revoke');
    const line = loadLine(ctx, op.trustor, op.asset);
    const next = (line.flags & ~clear) | set;
    if ((next & TRUST_AUTH_FLAGS) === TRUST_AUTH_FLAGS) fail('op_invalid_state');
    line.flags = next;
    line.lastModified = ctx.ledger;
    return {
      ...assetFields(op.asset),
      trustor: op.trustor,
      set_flags: flagList(set).map(([, b]) => b),
      set_flags_s: flagList(set).map(([, , n]) => n),
      clear_flags: flagList(clear).map(([, b]) => b),
      clear_flags_s: flagList(clear).map(([, , n]) => n),
    };
  },
};

/** AllowTrustOpFrame (protocol ≥ 16): replaces both auth flags, leaves the clawback flag. */
export const allowTrust: OpHandler<Operation.AllowTrust> = {
  threshold: () => 'low',
  participants: (op) => [op.trustor],
  check(op, source) {
    const authorize = Number(op.authorize);
    if (!Number.isInteger(authorize) || authorize < 0 || authorize > TrustFlag.MAINTAIN_LIABILITIES || op.trustor === source) fail('op_malformed');
  },
  apply(ctx, op, source) {
    const authorize = Number(op.authorize);
    const revocable = isRevocable(ctx, source);
    if (!revocable && authorize === 0) fail('op_cant_revoke');
    const asset = new Asset(op.assetCode, source);
    const line = loadLine(ctx, op.trustor, asset);
    if (!revocable && line.flags & TrustFlag.AUTHORIZED && authorize & TrustFlag.MAINTAIN_LIABILITIES) fail('op_cant_revoke');
    line.flags = (line.flags & ~TRUST_AUTH_FLAGS) | authorize;
    line.lastModified = ctx.ledger;
    return {
      ...assetFields(asset),
      trustee: source,
      trustor: op.trustor,
      authorize: authorize === TrustFlag.AUTHORIZED,
      authorize_to_maintain_liabilities: authorize === TrustFlag.MAINTAIN_LIABILITIES,
    };
  },
};
