import type { Operation } from '@stellar/stellar-sdk';
import { INT64_MAX } from '@fiscus/core';
import { fail } from '../codes.ts';
import type { OpHandler } from './context.ts';

/**
 * BumpSequenceOpFrame (stellar-core src/transactions/BumpSequenceOpFrame.cpp): a negative bumpTo
 * is malformed (BUMP_SEQUENCE_BAD_SEQ, checked before apply); a bumpTo above the account's
 * sequence sets it there; anything else changes nothing and still succeeds. Fiscus uses the
 * last case as a sequence filler: the transaction consumes its sequence, the operation does nothing.
 */
export const bumpSequence: OpHandler<Operation.BumpSequence> = {
  threshold: () => 'low',
  participants: () => [],
  check(op) {
    const to = BigInt(op.bumpTo);
    if (to < 0n || to > INT64_MAX) fail('op_bad_seq');
  },
  apply(ctx, op, source) {
    const account = ctx.state.account(source)!;
    const to = BigInt(op.bumpTo);
    if (to > account.seq) {
      account.seq = to;
      account.seqLedger = ctx.ledger;
      account.seqTime = ctx.closeTime;
    }
    return { bump_to: op.bumpTo };
  },
};
