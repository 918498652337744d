import { bigint, bigserial, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, units, updatedAt } from './columns.ts';
import { deployments, funds } from './funds.ts';
import { investors, wallets } from './investors.ts';

/**
 * Yield paid in new units (daily dividends). Life: pending (waits for its record time) →
 * minting (snapshot, allocations and batch operations written in ONE transaction) →
 * completed | partially_failed. A pending one may instead end failed (it can never be planned:
 * lastError says why) or cancelled (by an operator, before anything was planned or signed).
 * Invariant: Σ paid allocations + carryOut = units + carryIn.
 */
export const distributions = pgTable(
  'distributions',
  {
    id: text('id').primaryKey(),
    fundId: text('fund_id')
      .notNull()
      .references(() => funds.id),
    recordTime: timestamp('record_time', { withTimezone: true }).notNull(),
    /** Exactly one of requestedUnits / ratePerUnit (decimal string, new units per unit held). */
    requestedUnits: units('requested_units'),
    ratePerUnit: text('rate_per_unit'),
    /** pending | minting | completed | partially_failed | failed | cancelled */
    state: text('state').notNull(),
    /** Set at planning: units declared for this distribution (requested, or ⌊held × rate⌋). */
    units: units('units'),
    carryIn: units('carry_in'),
    carryOut: units('carry_out'),
    heldUnits: units('held_units'),
    holders: integer('holders'),
    withheldUnits: units('withheld_units'),
    /** Units of batches that failed for good, returned to the fund's carry at completion. */
    returnedUnits: units('returned_units'),
    snapshotAt: timestamp('snapshot_at', { withTimezone: true }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    lastError: jsonb('last_error').$type<{ code: string; message: string } | null>(),
    requestedBy: text('requested_by').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('distributions_fund').on(t.fundId, t.createdAt), index('distributions_state').on(t.state, t.recordTime)],
);

/** One row per holder wallet in the snapshot: what it held, what it gets, and the batch it went into. */
export const distributionAllocations = pgTable(
  'distribution_allocations',
  {
    distributionId: text('distribution_id')
      .notNull()
      .references(() => distributions.id),
    walletId: text('wallet_id')
      .notNull()
      .references(() => wallets.id),
    investorId: text('investor_id')
      .notNull()
      .references(() => investors.id),
    chain: text('chain').notNull(),
    address: text('address').notNull(),
    /** Units held at the snapshot. */
    position: units('position').notNull(),
    units: units('units').notNull(),
    /** planned | withheld (held in carry, see reason) | none (rounded to zero) */
    status: text('status').notNull(),
    reason: text('reason'),
    operationId: text('operation_id'),
    /** Position of this allocation inside its batch operation (context.items order). */
    batchItem: integer('batch_item'),
  },
  (t) => [primaryKey({ columns: [t.distributionId, t.walletId] }), index('distribution_allocations_op').on(t.operationId)],
);

/** Units declared but not yet paid (rounding remainders, withheld and returned allocations), per fund. */
export const distributionCarry = pgTable('distribution_carry', {
  fundId: text('fund_id')
    .primaryKey()
    .references(() => funds.id),
  units: units('units').notNull(),
  updatedAt: updatedAt(),
});

/**
 * On-chain events the books do not explain (a mint not produced by our operations, a transfer
 * with an address unknown to the fund), kept by ingest so a drifting reconciliation can show
 * its cause. Unique per (chain, tx, index): re-reading a page records an event once.
 */
export const unmatchedChainEvents = pgTable(
  'unmatched_chain_events',
  {
    id: bigserial('id', { mode: 'bigint' }).primaryKey(),
    fundId: text('fund_id')
      .notNull()
      .references(() => funds.id),
    deploymentId: text('deployment_id')
      .notNull()
      .references(() => deployments.id),
    chain: text('chain').notNull(),
    txHash: text('tx_hash').notNull(),
    block: bigint('block', { mode: 'bigint' }).notNull(),
    logIndex: integer('log_index').notNull(),
    /** foreign_mint | unknown_transfer | unbookable (a movement the driver cannot express; data.reason says why) */
    kind: text('kind').notNull(),
    fromAddress: text('from_address'),
    toAddress: text('to_address'),
    units: units('units').notNull(),
    seenAt: timestamp('seen_at', { withTimezone: true }).notNull().defaultNow(),
    data: jsonb('data').$type<Record<string, unknown>>(),
  },
  (t) => [uniqueIndex('unmatched_chain_events_tx').on(t.chain, t.txHash, t.logIndex), index('unmatched_chain_events_fund').on(t.fundId, t.chain, t.id)],
);

/**
 * When the reconciliation scheduler next reconciles a deployment. Workers claim a due row with a
 * compare-and-set on next_run_at, so two workers never reconcile the same deployment in one slot.
 */
export const reconcileSchedule = pgTable('reconcile_schedule', {
  deploymentId: text('deployment_id')
    .primaryKey()
    .references(() => deployments.id),
  nextRunAt: timestamp('next_run_at', { withTimezone: true }).notNull(),
  lastRunAt: timestamp('last_run_at', { withTimezone: true }),
});
