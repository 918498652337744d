import type { Operation } from '@stellar/stellar-sdk';
import { fail } from '../codes.ts';
import type { OpHandler } from './context.ts';

/** BeginSponsoringFutureReservesOpFrame: the source pays reserves of entries `sponsoredId` creates. */
export const beginSponsoringFutureReserves: OpHandler<Operation.BeginSponsoringFutureReserves> = {
  threshold: () => 'med',
  participants: (op) => [op.sponsoredId],
  check(op, source) {
    if (op.sponsoredId === source) fail('op_malformed');
  },
  apply(ctx, op, source) {
    if (ctx.sponsorships.has(op.sponsoredId)) fail('op_already_sponsored');
    // No chains: a sponsored account cannot sponsor, a sponsor cannot be sponsored.
    const sponsors = new Set(ctx.sponsorships.values());
    if (ctx.sponsorships.has(source) || sponsors.has(op.sponsoredId)) fail('op_recursive');
    ctx.sponsorships.set(op.sponsoredId, source);
    return { sponsored_id: op.sponsoredId };
  },
};

/** EndSponsoringFutureReservesOpFrame: signed by the sponsored account, which so consents. */
export const endSponsoringFutureReserves: OpHandler<Operation.EndSponsoringFutureReserves> = {
  threshold: () => 'med',
  participants: () => [],
  check() {},
  apply(ctx, _op, source) {
    const sponsor = ctx.sponsorships.get(source);
    if (!sponsor) fail('op_not_sponsored');
    ctx.sponsorships.delete(source);
    return { begin_sponsor: sponsor };
  },
};
