import { sql } from 'drizzle-orm';
import { integer, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, units, updatedAt } from './columns.ts';
import { funds } from './funds.ts';

export const investors = pgTable('investors', {
  id: text('id').primaryKey(),
  legalName: text('legal_name').notNull(),
  /** ISO 3166-1 alpha-2 and its numeric code (the numeric one is what T-REX registries store). */
  jurisdiction: text('jurisdiction').notNull(),
  jurisdictionNumeric: integer('jurisdiction_numeric').notNull(),
  investorType: text('investor_type').notNull(),
  kycStatus: text('kyc_status').notNull(),
  kycExpiresAt: timestamp('kyc_expires_at', { withTimezone: true }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const wallets = pgTable(
  'wallets',
  {
    id: text('id').primaryKey(),
    investorId: text('investor_id')
      .notNull()
      .references(() => investors.id),
    chain: text('chain').notNull(),
    /** Canonical form (EVM: EIP-55 checksum; Stellar: G… StrKey). */
    address: text('address').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('wallets_chain_address').on(t.chain, t.address)],
);

/**
 * A wallet's standing for one fund (authorization is per asset on Stellar, per token on EVM),
 * and its position: the cap table the policy reads across chains.
 */
export const fundWallets = pgTable(
  'fund_wallets',
  {
    fundId: text('fund_id')
      .notNull()
      .references(() => funds.id),
    walletId: text('wallet_id')
      .notNull()
      .references(() => wallets.id),
    /** pending | authorized | frozen | deauthorized | rejected | recovered (lost wallet, units moved by a recover op) */
    status: text('status').notNull(),
    units: units('units').notNull().default(sql`0`),
    frozenUnits: units('frozen_units').notNull().default(sql`0`),
    lastSubscribedAt: timestamp('last_subscribed_at', { withTimezone: true }),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.fundId, t.walletId] })],
);
