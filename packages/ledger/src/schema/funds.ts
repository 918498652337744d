import { boolean, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, units, updatedAt } from './columns.ts';

export const funds = pgTable('funds', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  symbol: text('symbol').notNull(),
  decimals: integer('decimals').notNull(),
  /** Compliance policy (core `Policy`), stored as JSON with units as decimal strings. */
  policy: jsonb('policy').notNull(),
  /** Mints above this many units need a second approver (maker-checker); null = never. */
  mintApprovalThreshold: units('mint_approval_threshold'),
  /**
   * Stellar deployments of this fund are SEP-8 regulated assets (per-transfer approval). The
   * column defaults to false so funds created before it keep fully authorized trustlines; the
   * API's fund creation defaults it to true.
   */
  stellarSep8: boolean('stellar_sep8').notNull().default(false),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const deployments = pgTable(
  'deployments',
  {
    id: text('id').primaryKey(),
    fundId: text('fund_id')
      .notNull()
      .references(() => funds.id),
    chain: text('chain').notNull(),
    /** pending until the deploy operation posts; active after; failed if it failed. */
    status: text('status').notNull(),
    details: jsonb('details').$type<Record<string, string>>(),
    operationId: text('operation_id'),
    /** Set by the reconciler on drift: no mint is signed on this chain until cleared. */
    mintsBlocked: boolean('mints_blocked').notNull().default(false),
    blockedReason: text('blocked_reason'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('deployments_fund_chain').on(t.fundId, t.chain)],
);
