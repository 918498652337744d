import type { Operation } from '@stellar/stellar-sdk';
import { INT64_MAX } from '@fiscus/core';
import { formatAmount, parseAmount } from '../amounts.ts';
import { fail } from '../codes.ts';
import { availableBalance, TrustFlag } from '../state.ts';
import { assetFields, issuerOf, type ApplyContext, type OpHandler } from './context.ts';

/**
 * PaymentOpFrame (a path payment with an empty path in stellar-core). Order of checks as in
 * PathPaymentStrictReceiveOpFrame: destination, destination's line, issuer, source's line.
 * The issuer has no trustline for its own asset: paying it burns, paying from it mints.
 */
export const payment: OpHandler<Operation.Payment> = {
  threshold: () => 'med',
  participants: (op) => [op.destination],
  check(op) {
    if (parseAmount(op.amount) <= 0n) fail('op_malformed');
  },
  apply(ctx, op, source) {
    const amount = parseAmount(op.amount);
    if (op.asset.isNative()) payNative(ctx, source, op.destination, amount);
    else payCredit(ctx, source, op.destination, op.asset.getCode(), issuerOf(op.asset), amount);
    return { from: source, to: op.destination, ...assetFields(op.asset), amount: formatAmount(amount) };
  },
};

function payNative(ctx: ApplyContext, source: string, destination: string, amount: bigint) {
  const dest = ctx.state.account(destination);
  if (!dest) fail('op_no_destination');
  const src = ctx.state.account(source)!;
  if (availableBalance(src) < amount) fail('op_underfunded');
  if (dest!.balance + amount > INT64_MAX) fail('op_line_full');
  src.balance -= amount;
  dest!.balance += amount;
}

function payCredit(ctx: ApplyContext, source: string, destination: string, code: string, issuer: string, amount: bigint) {
  // bypassIssuerCheck: sending an asset back to its issuer never needs the issuer to exist.
  const toIssuer = destination === issuer;
  if (!toIssuer && !ctx.state.account(destination)) fail('op_no_destination');
  if (!toIssuer) {
    const line = ctx.state.trustline(destination, code, issuer);
    if (!line) fail('op_no_trust');
    if (!(line!.flags & TrustFlag.AUTHORIZED)) fail('op_not_authorized');
    if (line!.balance + amount > line!.limit) fail('op_line_full');
    line!.balance += amount;
    line!.lastModified = ctx.ledger;
  }
  if (!toIssuer && !ctx.state.account(issuer)) fail('op_no_issuer');
  if (source === issuer) return;
  const from = ctx.state.trustline(source, code, issuer);
  if (!from) fail('op_src_no_trust');
  // Only AUTHORIZED may send: AUTHORIZED_TO_MAINTAIN_LIABILITIES keeps offers, not payments.
  if (!(from!.flags & TrustFlag.AUTHORIZED)) fail('op_src_not_authorized');
  if (from!.balance < amount) fail('op_underfunded');
  from!.balance -= amount;
  from!.lastModified = ctx.ledger;
}
