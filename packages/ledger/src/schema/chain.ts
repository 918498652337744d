import { pgTable, text, timestamp, uniqueIndex, index } from 'drizzle-orm/pg-core';
import { createdAt, units } from './columns.ts';
import { deployments, funds } from './funds.ts';
import { investors, wallets } from './investors.ts';

/** How far the event ingester has read each deployment's on-chain events (the driver's opaque cursor). */
export const chainCursors = pgTable('chain_cursors', {
  deploymentId: text('deployment_id')
    .primaryKey()
    .references(() => deployments.id),
  cursor: text('cursor'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Redemptions owed to investors. `source = 'onchain'`: the holder burned on chain (a Stellar
 * payment back to the issuer, an ERC-3643 redemption); the units are already gone from supply and
 * the payout at NAV is pending. One row per chain transaction (unique chain + tx_hash).
 */
export const redemptions = pgTable(
  'redemptions',
  {
    id: text('id').primaryKey(),
    fundId: text('fund_id')
      .notNull()
      .references(() => funds.id),
    investorId: text('investor_id').references(() => investors.id),
    walletId: text('wallet_id').references(() => wallets.id),
    chain: text('chain').notNull(),
    units: units('units').notNull(),
    /** onchain */
    source: text('source').notNull(),
    txHash: text('tx_hash'),
    /** pending_payout | paid */
    status: text('status').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('redemptions_chain_tx').on(t.chain, t.txHash), index('redemptions_fund').on(t.fundId, t.createdAt)],
);
