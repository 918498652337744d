import type { Operation } from '@stellar/stellar-sdk';
import { formatAmount, parseAmount } from '../amounts.ts';
import { fail } from '../codes.ts';
import { availableBalance, BASE_RESERVE, newAccount } from '../state.ts';
import type { OpHandler } from './context.ts';
import { takeReserve } from './sponsorship.ts';

/** CreateAccountOpFrame (protocol ≥ 14: a sponsored account may start with 0 XLM). */
export const createAccount: OpHandler<Operation.CreateAccount> = {
  threshold: () => 'med',
  participants: (op) => [op.destination],
  check(op, source) {
    if (parseAmount(op.startingBalance) < 0n || op.destination === source) fail('op_malformed');
  },
  apply(ctx, op, source) {
    const amount = parseAmount(op.startingBalance);
    if (ctx.state.account(op.destination)) fail('op_already_exists');
    const created = newAccount(op.destination, amount, ctx.ledger, ctx.closeTime);
    if (ctx.sponsorships.has(op.destination)) {
      created.sponsor = takeReserve(ctx, created, 2, 'op_low_reserve');
    } else if (amount < 2n * BASE_RESERVE) {
      fail('op_low_reserve');
    }
    const src = ctx.state.account(source)!;
    if (availableBalance(src) < amount) fail('op_underfunded');
    src.balance -= amount;
    ctx.state.accounts.set(created.id, created);
    return { account: op.destination, funder: source, starting_balance: formatAmount(amount) };
  },
};
