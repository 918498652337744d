import { sql } from 'drizzle-orm';
import { bigint, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, units, updatedAt } from './columns.ts';
import { funds } from './funds.ts';
import { investors, wallets } from './investors.ts';

/** Money columns hold micro-dollars (core MicroUsd) as int8 read as bigint. */
const usd = units;

/**
 * T-bill lots held by a custodian. A purchase posts cash:<account> −cost / custody:<custodian>
 * +cost; a maturity posts custody −cost, cash +face and the gain (face − cost) against `yield`.
 * status: held | matured (a roll matures the lot and buys `rolledInto` in the same entry).
 */
export const custodyLots = pgTable(
  'custody_lots',
  {
    id: text('id').primaryKey(),
    fundId: text('fund_id')
      .notNull()
      .references(() => funds.id),
    cusip: text('cusip').notNull(),
    custodian: text('custodian').notNull(),
    faceValue: usd('face_value').notNull(),
    /** Total price paid for the lot (not per 100 of face). */
    purchasePrice: usd('purchase_price').notNull(),
    settlementDate: date('settlement_date').notNull(),
    maturityDate: date('maturity_date').notNull(),
    /** The cash account the purchase was paid from (maturity proceeds go back to it unless told). */
    cashAccount: text('cash_account').notNull(),
    status: text('status').notNull(),
    purchaseEntryId: bigint('purchase_entry_id', { mode: 'bigint' }),
    maturityEntryId: bigint('maturity_entry_id', { mode: 'bigint' }),
    rolledFrom: text('rolled_from'),
    rolledInto: text('rolled_into'),
    maturedAt: timestamp('matured_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('custody_lots_fund').on(t.fundId, t.status, t.maturityDate)],
);

/**
 * Cash in and out of a fund's bank accounts as reported by the (external) bank feed.
 * Unique per (fund, account, reference): the same bank line fed twice is recorded once.
 */
export const cashMovements = pgTable(
  'cash_movements',
  {
    id: text('id').primaryKey(),
    fundId: text('fund_id')
      .notNull()
      .references(() => funds.id),
    account: text('account').notNull(),
    /** deposit | withdrawal */
    direction: text('direction').notNull(),
    amount: usd('amount').notNull(),
    reference: text('reference').notNull(),
    /** The account on the other side of the entry (default `external`). */
    counterparty: text('counterparty').notNull(),
    entryId: bigint('entry_id', { mode: 'bigint' }),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('cash_movements_reference').on(t.fundId, t.account, t.reference)],
);

/**
 * Subscriptions priced at NAV: the cash arrives with the request (cash:subscriptions +usd /
 * investor:<id> −usd) and is applied to fund capital when the mint posts.
 * status: requested | minted | failed (failed: the cash stays owed to the investor).
 */
export const subscriptions = pgTable(
  'subscriptions',
  {
    id: text('id').primaryKey(),
    fundId: text('fund_id')
      .notNull()
      .references(() => funds.id),
    investorId: text('investor_id')
      .notNull()
      .references(() => investors.id),
    walletId: text('wallet_id')
      .notNull()
      .references(() => wallets.id),
    chain: text('chain').notNull(),
    usdIn: usd('usd_in').notNull(),
    units: units('units').notNull(),
    cost: usd('cost').notNull(),
    remainder: usd('remainder').notNull(),
    navValue: units('nav_value').notNull(),
    navScale: integer('nav_scale').notNull(),
    rule: text('rule').notNull(),
    operationId: text('operation_id').notNull(),
    status: text('status').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('subscriptions_operation').on(t.operationId), index('subscriptions_fund').on(t.fundId, t.createdAt)],
);

/** Per-fund redemption rules; no row = no minimum and no daily limit. */
export const redemptionSettings = pgTable('redemption_settings', {
  fundId: text('fund_id')
    .primaryKey()
    .references(() => funds.id),
  /** Redemptions worth less than this (at NAV) are refused (API) or set aside (on chain). */
  minRedemptionUsd: usd('min_redemption_usd').notNull().default(sql`0`),
  /** USD paid out per UTC day at most; null = unlimited. */
  dailyLiquidityUsd: usd('daily_liquidity_usd'),
  /** Where payouts are paid from: cash:<payoutAccount> (default: the subscriptions dealing account). */
  payoutAccount: text('payout_account').notNull().default('subscriptions'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/**
 * A settled redemption's payout instruction; the bank wire itself is external.
 * status: instructed | confirmed. `day` (UTC) counts the payout against that day's liquidity.
 */
export const redemptionPayouts = pgTable(
  'redemption_payouts',
  {
    id: text('id').primaryKey(),
    fundId: text('fund_id')
      .notNull()
      .references(() => funds.id),
    redemptionId: text('redemption_id').notNull(),
    investorId: text('investor_id'),
    amount: usd('amount').notNull(),
    cashAccount: text('cash_account').notNull(),
    day: date('day').notNull(),
    status: text('status').notNull(),
    entryId: bigint('entry_id', { mode: 'bigint' }),
    reference: text('reference'),
    confirmedBy: text('confirmed_by'),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    createdAt: createdAt(),
    /**
     * Stablecoin payouts (issue 12): the chain, wallet and address paid, and the `payout` operation
     * doing it (status sending → paid, or held with `heldReason` when it cannot be delivered;
     * a retry or redirect requests a new operation). NULL chain = a bank wire.
     */
    chain: text('chain'),
    address: text('address'),
    walletId: text('wallet_id'),
    operationId: text('operation_id'),
    heldReason: jsonb('held_reason').$type<Record<string, unknown>>(),
  },
  (t) => [uniqueIndex('redemption_payouts_redemption').on(t.redemptionId), index('redemption_payouts_day').on(t.fundId, t.day)],
);
