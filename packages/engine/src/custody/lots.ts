import { and, eq, sql } from 'drizzle-orm';
import { FiscusError, formatUsd, newId, type MicroUsd } from '@fiscus/core';
import { accountBalance, appendAudit, cashAccount, custodyAccount, postEntry, schema, type Db, type Posting } from '@fiscus/ledger';
import { TBILL_INCOME } from './accounts.ts';
import { parseCusip } from './cusip.ts';

const { custodyLots } = schema;
export type LotRow = typeof custodyLots.$inferSelect;

export interface LotSpec {
  cusip: string;
  custodian: string;
  faceValue: MicroUsd;
  /** Total price paid for the lot. */
  purchasePrice: MicroUsd;
  /** ISO dates (YYYY-MM-DD). */
  settlementDate: string;
  maturityDate: string;
  /** Paid from cash:<cashAccount>. */
  cashAccount: string;
}

const invalid = (message: string, field: string): never => {
  throw new FiscusError('VALIDATION_FAILED', message, { meta: { field } });
};

function checkLot(s: LotSpec): LotSpec {
  const cusip = parseCusip(s.cusip);
  if (s.faceValue <= 0n) invalid('faceValue must be positive', 'faceValue');
  if (s.purchasePrice <= 0n) invalid('purchasePrice must be positive', 'purchasePrice');
  if (s.maturityDate <= s.settlementDate) invalid('maturityDate must be after settlementDate', 'maturityDate');
  return { ...s, cusip };
}

async function insertLot(tx: Db, fundId: string, s: LotSpec, rolledFrom?: string): Promise<LotRow> {
  const [row] = await tx
    .insert(custodyLots)
    .values({ id: newId('lot'), fundId, ...s, status: 'held', rolledFrom: rolledFrom ?? null })
    .returning();
  return row!;
}

/** A purchase: cash:<account> −cost / custody:<custodian> +cost (a lot is carried at cost until it matures). */
export async function purchaseLot(db: Db, p: { fundId: string; lot: LotSpec; by: string }): Promise<LotRow> {
  const s = checkLot(p.lot);
  return db.transaction(async (tx) => {
    await requireCash(tx, p.fundId, s.cashAccount, s.purchasePrice);
    const lot = await insertLot(tx, p.fundId, s);
    const { entryId } = await postEntry(tx, {
      fundId: p.fundId,
      memo: `T-bill purchase ${s.cusip}`,
      meta: { lotId: lot.id, cusip: s.cusip, faceValue: s.faceValue.toString() },
      postings: [
        { account: cashAccount(s.cashAccount), commodity: 'usd', amount: -s.purchasePrice },
        { account: custodyAccount(s.custodian), commodity: 'usd', amount: s.purchasePrice },
      ],
    });
    const [row] = await tx.update(custodyLots).set({ purchaseEntryId: entryId }).where(eq(custodyLots.id, lot.id)).returning();
    await appendAudit(tx, {
      actor: p.by,
      action: 'custody.lot_purchased',
      subject: lot.id,
      data: { fundId: p.fundId, cusip: s.cusip, cost: s.purchasePrice.toString() },
    });
    return row!;
  });
}

/** The books follow the bank: a purchase the cash account cannot pay for is refused, never overdrawn. */
async function requireCash(tx: Db, fundId: string, account: string, amount: MicroUsd): Promise<void> {
  const balance = await accountBalance(tx, { fundId, code: cashAccount(account), commodity: 'usd' });
  if (balance < amount) {
    throw new FiscusError('INSUFFICIENT_BALANCE', `cash:${account} holds ${formatUsd(balance)} USD < ${formatUsd(amount)}`, {
      meta: { account: `cash:${account}`, balance: formatUsd(balance) },
    });
  }
}

/** Locks a held lot that has reached its maturity date on `asOf`. */
async function lockMaturing(tx: Db, fundId: string, lotId: string, asOf: string): Promise<LotRow> {
  const [lot] = await tx
    .select()
    .from(custodyLots)
    .where(and(eq(custodyLots.id, lotId), eq(custodyLots.fundId, fundId)))
    .for('update');
  if (!lot) throw new FiscusError('NOT_FOUND', `lot ${lotId} not found`);
  if (lot.status !== 'held') throw new FiscusError('CONFLICT', `lot ${lotId} is ${lot.status}`, { meta: { status: lot.status } });
  if (asOf < lot.maturityDate) {
    throw new FiscusError('CONFLICT', `lot ${lotId} matures on ${lot.maturityDate}, not before`, { meta: { maturityDate: lot.maturityDate, asOf } });
  }
  return lot;
}

/** custody −cost, income −(face − cost): the lot leaves custody and its discount is earned. */
function maturityLegs(lot: LotRow): Posting[] {
  const gain = lot.faceValue - lot.purchasePrice;
  const legs: Posting[] = [{ account: custodyAccount(lot.custodian), commodity: 'usd', amount: -lot.purchasePrice }];
  if (gain !== 0n) legs.push({ account: TBILL_INCOME, commodity: 'usd', amount: -gain });
  return legs;
}

const today = () => new Date().toISOString().slice(0, 10);

/** A maturity: custody −cost, cash:<account> +face, income:tbills −(face − cost). */
export async function matureLot(db: Db, p: { fundId: string; lotId: string; asOf?: string; cashAccount?: string; by: string }): Promise<LotRow> {
  return db.transaction(async (tx) => {
    const lot = await lockMaturing(tx, p.fundId, p.lotId, p.asOf ?? today());
    const account = p.cashAccount ?? lot.cashAccount;
    const { entryId } = await postEntry(tx, {
      fundId: p.fundId,
      memo: `T-bill maturity ${lot.cusip}`,
      meta: { lotId: lot.id, cusip: lot.cusip, gain: (lot.faceValue - lot.purchasePrice).toString() },
      postings: [...maturityLegs(lot), { account: cashAccount(account), commodity: 'usd', amount: lot.faceValue }],
    });
    const [row] = await tx
      .update(custodyLots)
      .set({ status: 'matured', maturityEntryId: entryId, maturedAt: sql`now()`, updatedAt: sql`now()` })
      .where(eq(custodyLots.id, lot.id))
      .returning();
    await appendAudit(tx, { actor: p.by, action: 'custody.lot_matured', subject: lot.id, data: { fundId: p.fundId, face: lot.faceValue.toString(), account } });
    return row!;
  });
}

/**
 * A roll: the lot matures and its proceeds buy the next lot, in ONE entry. Net cash is
 * face(old) − cost(new) into (or, if negative, out of) cash:<new lot's cashAccount>.
 */
export async function rollLot(
  db: Db,
  p: { fundId: string; lotId: string; asOf?: string; next: LotSpec; by: string },
): Promise<{ matured: LotRow; lot: LotRow }> {
  const s = checkLot(p.next);
  return db.transaction(async (tx) => {
    const old = await lockMaturing(tx, p.fundId, p.lotId, p.asOf ?? today());
    const lot = await insertLot(tx, p.fundId, s, old.id);
    const net = old.faceValue - s.purchasePrice;
    if (net < 0n) await requireCash(tx, p.fundId, s.cashAccount, -net);
    const legs: Posting[] = [...maturityLegs(old), { account: custodyAccount(s.custodian), commodity: 'usd', amount: s.purchasePrice }];
    if (net !== 0n) legs.push({ account: cashAccount(s.cashAccount), commodity: 'usd', amount: net });
    const { entryId } = await postEntry(tx, {
      fundId: p.fundId,
      memo: `T-bill roll ${old.cusip} → ${s.cusip}`,
      meta: { lotId: old.id, nextLotId: lot.id, netCash: net.toString() },
      postings: legs,
    });
    const [matured] = await tx
      .update(custodyLots)
      .set({ status: 'matured', maturityEntryId: entryId, rolledInto: lot.id, maturedAt: sql`now()`, updatedAt: sql`now()` })
      .where(eq(custodyLots.id, old.id))
      .returning();
    const [next] = await tx.update(custodyLots).set({ purchaseEntryId: entryId }).where(eq(custodyLots.id, lot.id)).returning();
    await appendAudit(tx, { actor: p.by, action: 'custody.lot_rolled', subject: old.id, data: { fundId: p.fundId, into: lot.id, netCash: net.toString() } });
    return { matured: matured!, lot: next! };
  });
}
