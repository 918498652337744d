import { integer, pgTable, text, timestamp, uniqueIndex, index } from 'drizzle-orm/pg-core';
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
 * the payout at NAV is pending. One row per on-chain effect: unique (chain, tx_hash, event_index),
 * since one transaction can carry several transfers or burns (T-REX batchTransfer, a Stellar
 * transaction with several payments). API redemptions have neither (NULLs never collide).
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
    /** The event's index in its transaction's block/ledger as the driver reports it (ChainEvent.index). */
    eventIndex: integer('event_index'),
    /** pending_payout | paid */
    status: text('status').notNull(),
    createdAt: createdAt(),
    /**
     * Request lifecycle (ERC-7540 spirit): requested (burn not yet final) → pending (units burned,
     * USD owed, waiting in the FIFO queue for daily liquidity) → settled (payout instructed);
     * rejected_min_size: received on chain below the fund's minimum, set aside for manual handling.
     */
    state: text('state').notNull().default('pending'),
    /** The wallet that sent the units (on-chain redemptions). */
    fromAddress: text('from_address'),
    /** NAV current when the redemption was received, and the USD it prices the units at (REDEMPTION_USD_ROUND_DOWN). */
    navValue: units('nav_value'),
    navScale: integer('nav_scale'),
    navPublishedAt: timestamp('nav_published_at', { withTimezone: true }),
    usd: units('usd'),
    burnOperationId: text('burn_operation_id'),
    burnedAt: timestamp('burned_at', { withTimezone: true }),
    settledAt: timestamp('settled_at', { withTimezone: true }),
    /**
     * Paid in the fund's stablecoin (issue 12) on this chain to this wallet of the investor; NULL =
     * paid by bank wire. Defaults to the redemption's own chain when it is a settlement chain.
     */
    payoutChain: text('payout_chain'),
    payoutAddress: text('payout_address'),
    payoutWalletId: text('payout_wallet_id'),
  },
  (t) => [
    uniqueIndex('redemptions_chain_tx_event').on(t.chain, t.txHash, t.eventIndex),
    index('redemptions_fund').on(t.fundId, t.createdAt),
    index('redemptions_queue').on(t.fundId, t.state, t.createdAt),
  ],
);
