import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { createdAt, units, updatedAt } from './columns.ts';
import { funds } from './funds.ts';

/**
 * Chains on which a fund settles in its stablecoin (issue 12). A row makes redemptions on that
 * chain pay out in the stablecoin by default (from stablecoin:<chain>), and carries the payout
 * block that a stablecoin reconciliation drift sets (`payouts_blocked`): no payout is requested
 * or signed on a blocked chain until a clean run lifts it.
 */
export const settlementChains = pgTable(
  'settlement_chains',
  {
    fundId: text('fund_id')
      .notNull()
      .references(() => funds.id),
    chain: text('chain').notNull(),
    /** Where the platform's stablecoin sits on that chain (Stellar treasury account, EVM redemption contract…). */
    treasuryAddress: text('treasury_address'),
    payoutsBlocked: boolean('payouts_blocked').notNull().default(false),
    blockedReason: text('blocked_reason'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.fundId, t.chain] })],
);

/**
 * One stablecoin reconciliation of a (fund, chain): the treasury's on-chain balance against the
 * ledger's stablecoin:<chain>, in micro-dollars. result: clean | in_flight | drift.
 */
export const stablecoinReconciliations = pgTable(
  'stablecoin_reconciliations',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    fundId: text('fund_id')
      .notNull()
      .references(() => funds.id),
    chain: text('chain').notNull(),
    onChainUsd: units('on_chain_usd').notNull(),
    ledgerUsd: units('ledger_usd').notNull(),
    inFlightUsd: units('in_flight_usd').notNull().default(sql`0`),
    result: text('result').notNull(),
    detail: jsonb('detail').$type<Record<string, unknown>>(),
    createdAt: createdAt(),
  },
  (t) => [index('stablecoin_reconciliations_fund').on(t.fundId, t.chain, t.createdAt)],
);

/** Stellar on-chain subscription quotes (issue 12): one atomic DvP transaction per quote. */
export const subscriptionQuotes = pgTable(
  'subscription_quotes',
  {
    id: text('id').primaryKey(),
    fundId: text('fund_id')
      .notNull()
      .references(() => funds.id),
    chain: text('chain').notNull(),
    investorId: text('investor_id').notNull(),
    walletId: text('wallet_id').notNull(),
    address: text('address').notNull(),
    units: units('units').notNull(),
    usd: units('usd').notNull(),
    navValue: units('nav_value').notNull(),
    navScale: integer('nav_scale').notNull(),
    /** Hash of the transaction the platform pre-signed: the only one the ingest books for this quote. */
    txHash: text('tx_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** quoted | settled | expired */
    status: text('status').notNull(),
    settledAt: timestamp('settled_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('subscription_quotes_tx').on(t.txHash)],
);
