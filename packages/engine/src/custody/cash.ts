import { and, eq } from 'drizzle-orm';
import { FiscusError, newId, type MicroUsd } from '@fiscus/core';
import { accountBalance, appendAudit, cashAccount, postEntry, schema, type Db } from '@fiscus/ledger';
import { externalAccount } from './accounts.ts';

const { cashMovements } = schema;
export type CashMovementRow = typeof cashMovements.$inferSelect;

export interface CashMovement {
  fundId: string;
  /** cash:<account> */
  account: string;
  direction: 'deposit' | 'withdrawal';
  amount: MicroUsd;
  /** The bank's reference for the line: the same reference is recorded once. */
  reference: string;
  /** The other side: `cash:<other>` for a sweep between the fund's accounts, else external:<counterparty>. */
  counterparty?: string;
  by: string;
}

const counterAccount = (c: string | undefined): string => (c?.startsWith('cash:') ? c : externalAccount(c ?? 'bank'));

/**
 * A line of the (external) bank feed: deposit = cash:<account> +amount, withdrawal = −amount,
 * against the counterparty account. Withdrawals never overdraw the account. The same
 * (account, reference) fed again returns the first record; with other facts it is a CONFLICT.
 */
export async function recordCashMovement(db: Db, m: CashMovement): Promise<{ movement: CashMovementRow; replayed: boolean }> {
  if (m.amount <= 0n) throw new FiscusError('INVALID_AMOUNT', 'amount must be positive', { meta: { field: 'amount' } });
  const counterparty = counterAccount(m.counterparty);
  if (counterparty === cashAccount(m.account))
    throw new FiscusError('VALIDATION_FAILED', 'counterparty is the account itself', { meta: { field: 'counterparty' } });
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(cashMovements)
      .where(and(eq(cashMovements.fundId, m.fundId), eq(cashMovements.account, m.account), eq(cashMovements.reference, m.reference)));
    if (existing) {
      if (existing.amount === m.amount && existing.direction === m.direction && existing.counterparty === counterparty)
        return { movement: existing, replayed: true };
      throw new FiscusError('CONFLICT', `reference ${m.reference} is already recorded on cash:${m.account} with other details`, {
        meta: { movementId: existing.id },
      });
    }
    const signed = m.direction === 'deposit' ? m.amount : -m.amount;
    const from = m.direction === 'withdrawal' ? cashAccount(m.account) : counterparty.startsWith('cash:') ? counterparty : null;
    if (from) {
      const balance = await accountBalance(tx, { fundId: m.fundId, code: from, commodity: 'usd' });
      if (balance < m.amount) throw new FiscusError('INSUFFICIENT_BALANCE', `${from} holds ${balance} micro-USD < ${m.amount}`, { meta: { account: from } });
    }
    const id = newId('cash');
    const { entryId } = await postEntry(tx, {
      fundId: m.fundId,
      memo: `cash ${m.direction} ${m.reference}`,
      meta: { movementId: id, reference: m.reference },
      postings: [
        { account: cashAccount(m.account), commodity: 'usd', amount: signed },
        { account: counterparty, commodity: 'usd', amount: -signed },
      ],
    });
    const [movement] = await tx
      .insert(cashMovements)
      .values({
        id,
        fundId: m.fundId,
        account: m.account,
        direction: m.direction,
        amount: m.amount,
        reference: m.reference,
        counterparty,
        entryId,
        createdBy: m.by,
      })
      .returning();
    await appendAudit(tx, {
      actor: m.by,
      action: `cash.${m.direction}`,
      subject: id,
      data: { fundId: m.fundId, account: m.account, amount: m.amount.toString(), reference: m.reference },
    });
    return { movement: movement!, replayed: false };
  });
}
