import type { Operation } from '@stellar/stellar-sdk';
import { formatAmount, parseAmount } from '../amounts.ts';
import { fail } from '../codes.ts';
import { TrustFlag } from '../state.ts';
import { assetFields, issuerOf, type OpHandler } from './context.ts';

/**
 * ClawbackOpFrame: only the issuer, only lines created while the issuer had
 * AUTH_CLAWBACK_ENABLED; skips authorization, so frozen lines can be clawed back.
 */
export const clawback: OpHandler<Operation.Clawback> = {
  threshold: () => 'med',
  participants: (op) => [op.from],
  check(op, source) {
    const a = op.asset;
    if (op.from === source || parseAmount(op.amount) < 1n || a.isNative() || issuerOf(a) !== source) fail('op_malformed');
  },
  apply(ctx, op) {
    const amount = parseAmount(op.amount);
    const line = ctx.state.trustline(op.from, op.asset.getCode(), issuerOf(op.asset));
    if (!line) fail('op_no_trust');
    if (!(line!.flags & TrustFlag.CLAWBACK_ENABLED)) fail('op_not_clawback_enabled');
    if (line!.balance < amount) fail('op_underfunded');
    line!.balance -= amount;
    line!.lastModified = ctx.ledger;
    return { ...assetFields(op.asset), from: op.from, amount: formatAmount(amount) };
  },
};
