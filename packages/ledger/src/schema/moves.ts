import { sql } from 'drizzle-orm';
import { boolean, index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, units, updatedAt } from './columns.ts';
import { funds } from './funds.ts';

/**
 * requested → (queued) → burning → burned → minting → completed, or
 * burning → failed (nothing left the source), minting → compensating → compensated.
 * compensating → stranded when the re-mint fails for good: the units stay in transit and the move
 * waits for an operator (resolve → compensating again, then compensated or completed). A move
 * never ends with its units in transit, so `stranded` is not terminal.
 */
export const MOVE_STATES = ['requested', 'queued', 'burning', 'burned', 'minting', 'completed', 'compensating', 'compensated', 'stranded', 'failed'] as const;
export type MoveState = (typeof MOVE_STATES)[number];

/** A treasurer's cross-chain move: one investor's units burned on one chain and minted on another. */
export const moves = pgTable(
  'moves',
  {
    id: text('id').primaryKey(),
    fundId: text('fund_id')
      .notNull()
      .references(() => funds.id),
    investorId: text('investor_id').notNull(),
    fromChain: text('from_chain').notNull(),
    fromAddress: text('from_address').notNull(),
    fromWalletId: text('from_wallet_id').notNull(),
    toChain: text('to_chain').notNull(),
    toAddress: text('to_address').notNull(),
    toWalletId: text('to_wallet_id').notNull(),
    units: units('units').notNull(),
    state: text('state').$type<MoveState>().notNull(),
    /** One operation per leg: set in the same transaction as the state change that requests it. */
    burnOperationId: text('burn_operation_id'),
    mintOperationId: text('mint_operation_id'),
    compensationOperationId: text('compensation_operation_id'),
    error: jsonb('error').$type<{ code: string; message: string } | null>(),
    requestedBy: text('requested_by').notNull(),
    queuedAt: timestamp('queued_at', { withTimezone: true }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('moves_fund').on(t.fundId, t.createdAt), index('moves_state').on(t.state, t.createdAt)],
);

/**
 * Per fund, chain and direction: a bucket of `capacity` units per 24 h refilling linearly
 * (Wormhole NTT's RateLimiter). `level` is the capacity left at `refilledAt`.
 */
export const moveRateLimits = pgTable(
  'move_rate_limits',
  {
    fundId: text('fund_id')
      .notNull()
      .references(() => funds.id),
    chain: text('chain').notNull(),
    /** 'outbound' (moves leaving the chain) | 'inbound' (moves arriving). */
    direction: text('direction').$type<'outbound' | 'inbound'>().notNull(),
    /** Units per 24 h; null = no limit on this direction. */
    capacity: units('capacity'),
    level: units('level').notNull().default(sql`0`),
    refilledAt: timestamp('refilled_at', { withTimezone: true }).notNull().defaultNow(),
    paused: boolean('paused').notNull().default(false),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.fundId, t.chain, t.direction] })],
);

/**
 * A fund whose supply invariant broke (Σ supply + transit ≠ outstanding): mints and moves stop
 * until an operator clears it. Rows are kept after clearing (the history of breaches).
 */
export const fundHalts = pgTable(
  'fund_halts',
  {
    id: text('id').primaryKey(),
    fundId: text('fund_id')
      .notNull()
      .references(() => funds.id),
    reason: text('reason').notNull(),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull(),
    /** The operation whose posting revealed the breach. */
    operationId: text('operation_id'),
    createdAt: createdAt(),
    clearedAt: timestamp('cleared_at', { withTimezone: true }),
    clearedBy: text('cleared_by'),
  },
  (t) => [
    index('fund_halts_fund').on(t.fundId, t.createdAt),
    // At most one open halt per fund: two workers seeing the same breach record it once.
    uniqueIndex('fund_halts_open').on(t.fundId).where(sql`${t.clearedAt} is null`),
  ],
);
