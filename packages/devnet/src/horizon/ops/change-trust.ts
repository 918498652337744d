import { Asset, type Operation } from '@stellar/stellar-sdk';
import { formatAmount, parseAmount } from '../amounts.ts';
import { fail, OpFailure } from '../codes.ts';
import { AccountFlag, TrustFlag } from '../state.ts';
import { assetFields, issuerOf, type OpHandler } from './context.ts';
import { addSubentry, removeSubentry } from './sponsorship.ts';

/**
 * ChangeTrustOpFrame for classic assets. A new line copies the issuer's flags AT CREATION:
 * authorized unless AUTH_REQUIRED, clawback-enabled if AUTH_CLAWBACK_ENABLED. Setting the
 * issuer's flags later never changes existing lines.
 */
export const changeTrust: OpHandler<Operation.ChangeTrust> = {
  threshold: () => 'med',
  participants: () => [],
  check(op, source) {
    if (!(op.line instanceof Asset)) throw new OpFailure('op_not_supported'); // pool shares
    if (parseAmount(op.limit) < 0n || op.line.isNative() || issuerOf(op.line) === source) fail('op_malformed');
  },
  apply(ctx, op, source) {
    const asset = op.line as Asset;
    const code = asset.getCode();
    const issuerId = issuerOf(asset);
    const limit = parseAmount(op.limit);
    const owner = ctx.state.account(source)!;
    const line = ctx.state.trustline(source, code, issuerId);
    if (line) {
      if (limit < line.balance) fail('op_invalid_limit');
      if (limit === 0n) {
        removeSubentry(ctx, owner, line.sponsor);
        ctx.state.removeTrustline(source, code, issuerId);
      } else {
        if (!ctx.state.account(issuerId)) fail('op_no_issuer');
        line.limit = limit;
        line.lastModified = ctx.ledger;
      }
    } else {
      if (limit === 0n) fail('op_invalid_limit');
      const issuer = ctx.state.account(issuerId);
      if (!issuer) fail('op_no_issuer');
      let flags = issuer!.flags & AccountFlag.AUTH_REQUIRED ? 0 : TrustFlag.AUTHORIZED;
      if (issuer!.flags & AccountFlag.AUTH_CLAWBACK_ENABLED) flags |= TrustFlag.CLAWBACK_ENABLED;
      const sponsor = addSubentry(ctx, owner, 'op_low_reserve');
      ctx.state.putTrustline({
        account: source,
        code,
        issuer: issuerId,
        balance: 0n,
        limit,
        flags,
        sponsor,
        lastModified: ctx.ledger,
      });
    }
    return { ...assetFields(asset), limit: formatAmount(limit), trustee: issuerId, trustor: source };
  },
};
