import { Keypair, type Asset, type Operation } from '@stellar/stellar-sdk';
import { INT64_MAX } from '@fiscus/core';
import { formatAmount, parseAmount } from '../amounts.ts';
import { fail } from '../codes.ts';
import { availableBalance, TrustFlag } from '../state.ts';
import { assetFields, issuerOf, RESULT, type ApplyContext, type OpHandler } from './context.ts';

/**
 * PathPaymentStrictReceiveOpFrame / PathPaymentStrictSendOpFrame with PathPaymentOpFrameBase
 * (stellar-core src/transactions/), on a ledger WITHOUT an order book or liquidity pools: every
 * hop whose assets differ has nothing to convert through, so it fails `op_too_few_offers` exactly
 * as stellar-core does when no offer crosses (convert() → ePartial). Hops between equal assets are
 * skipped, so a same-asset payment (empty path, or a path of that asset only) applies like a
 * payment. The issuer's own "trustline" is infinite and always authorized (TrustLineWrapper's
 * IssuerImpl): paying the issuer burns, paying from it mints. Protocol ≥ 13: no issuer check.
 */
export const pathPaymentStrictReceive: OpHandler<Operation.PathPaymentStrictReceive> = {
  threshold: () => 'med',
  participants: (op) => [op.destination],
  check(op) {
    if (parseAmount(op.destAmount) <= 0n || parseAmount(op.sendMax) <= 0n) fail('op_malformed');
  },
  apply(ctx, op, source) {
    const amount = parseAmount(op.destAmount);
    const bypass = bypassIssuerCheck(op.sendAsset, op.destAsset, op.path, op.destination);
    if (!bypass && !ctx.state.account(op.destination)) fail('op_no_destination');
    credit(ctx, op.destination, op.destAsset, amount);
    // Walk from the destination back to the send asset.
    walk([op.destAsset, ...[...op.path].reverse(), op.sendAsset]);
    if (amount > parseAmount(op.sendMax)) fail('op_over_source_max');
    debit(ctx, source, op.sendAsset, amount);
    return {
      ...fields(op, source, amount, amount),
      source_max: op.sendMax,
      [RESULT]: success(op.destination, op.destAsset, amount),
    };
  },
};

export const pathPaymentStrictSend: OpHandler<Operation.PathPaymentStrictSend> = {
  threshold: () => 'med',
  participants: (op) => [op.destination],
  check(op) {
    if (parseAmount(op.sendAmount) <= 0n || parseAmount(op.destMin) <= 0n) fail('op_malformed');
  },
  apply(ctx, op, source) {
    const amount = parseAmount(op.sendAmount);
    const bypass = bypassIssuerCheck(op.sendAsset, op.destAsset, op.path, op.destination);
    if (!bypass && !ctx.state.account(op.destination)) fail('op_no_destination');
    debit(ctx, source, op.sendAsset, amount);
    walk([op.sendAsset, ...op.path, op.destAsset]);
    if (amount < parseAmount(op.destMin)) fail('op_under_dest_min');
    credit(ctx, op.destination, op.destAsset, amount);
    return {
      ...fields(op, source, amount, amount),
      destination_min: op.destMin,
      [RESULT]: success(op.destination, op.destAsset, amount),
    };
  },
};

/** shouldBypassIssuerCheck: same asset, no path, paid to its issuer — always possible (a burn). */
function bypassIssuerCheck(send: Asset, dest: Asset, path: Asset[], destination: string): boolean {
  return !dest.isNative() && path.length === 0 && send.equals(dest) && issuerOf(dest) === destination;
}

/** Each hop between different assets needs offers; this ledger has none (op_too_few_offers). */
function walk(assets: Asset[]): void {
  for (let i = 1; i < assets.length; i++) if (!assets[i]!.equals(assets[i - 1]!)) fail('op_too_few_offers');
}

/** updateDestBalance. */
function credit(ctx: ApplyContext, destination: string, asset: Asset, amount: bigint): void {
  if (asset.isNative()) {
    const dest = ctx.state.account(destination)!;
    if (dest.balance + amount > INT64_MAX) fail('op_line_full');
    dest.balance += amount;
    return;
  }
  if (issuerOf(asset) === destination) return; // the issuer's balance is unbounded: burned
  const line = ctx.state.trustline(destination, asset.getCode(), issuerOf(asset));
  if (!line) fail('op_no_trust');
  if (!(line!.flags & TrustFlag.AUTHORIZED)) fail('op_not_authorized');
  if (line!.balance + amount > line!.limit) fail('op_line_full');
  line!.balance += amount;
  line!.lastModified = ctx.ledger;
}

/** updateSourceBalance. */
function debit(ctx: ApplyContext, source: string, asset: Asset, amount: bigint): void {
  if (asset.isNative()) {
    const src = ctx.state.account(source)!;
    if (availableBalance(src) < amount) fail('op_underfunded');
    src.balance -= amount;
    return;
  }
  if (issuerOf(asset) === source) return; // minted
  const line = ctx.state.trustline(source, asset.getCode(), issuerOf(asset));
  if (!line) fail('op_src_no_trust');
  if (!(line!.flags & TrustFlag.AUTHORIZED)) fail('op_src_not_authorized');
  if (line!.balance < amount) fail('op_underfunded');
  line!.balance -= amount;
  line!.lastModified = ctx.ledger;
}

/** Horizon's path payment record fields (both kinds). */
function fields(op: { sendAsset: Asset; destAsset: Asset; destination: string; path: Asset[] }, source: string, sent: bigint, received: bigint) {
  const src = assetFields(op.sendAsset);
  return {
    from: source,
    to: op.destination,
    ...assetFields(op.destAsset),
    amount: formatAmount(received),
    source_amount: formatAmount(sent),
    ...Object.fromEntries(Object.entries(src).map(([k, v]) => [`source_${k}`, v])),
    path: op.path.map(assetFields),
  };
}

/** The success arm: no offers crossed, `last` = what the destination received. */
function success(destination: string, asset: Asset, amount: bigint) {
  return {
    offers: [],
    last: { destination: Keypair.fromPublicKey(destination).xdrAccountId().toXdrObject(), asset: asset.toXDRObject().toXdrObject(), amount },
  };
}
