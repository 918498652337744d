import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { createdAt, units, updatedAt } from './columns.ts';
import { funds } from './funds.ts';

/**
 * Every NAV a fund ever had, append-only. `round` counts 1, 2, 3… per fund and is the
 * on-chain feed's roundId; the unique (fund, round) index makes two concurrent publishers
 * race on a compare-and-set instead of forking the history.
 */
export const navPublications = pgTable(
  'nav_publications',
  {
    id: text('id').primaryKey(),
    fundId: text('fund_id')
      .notNull()
      .references(() => funds.id),
    round: units('round').notNull(),
    /** NAV in USD per whole unit = navValue / 10^navScale (core `Nav`). */
    navValue: units('nav_value').notNull(),
    navScale: integer('nav_scale').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
    /** API key id (or 'system' for the initial NAV of a new fund). */
    publishedBy: text('published_by').notNull(),
    /** The publication this one replaces; null only for the fund's first NAV. */
    previousId: text('previous_id'),
    reason: text('reason'),
  },
  (t) => [
    uniqueIndex('nav_publications_fund_round').on(t.fundId, t.round),
    uniqueIndex('nav_publications_previous').on(t.previousId).where(sql`${t.previousId} is not null`),
  ],
);

/** Guards on publishing a NAV and the reserve check on mints, one row per fund. */
export const navSettings = pgTable('nav_settings', {
  fundId: text('fund_id')
    .primaryKey()
    .references(() => funds.id),
  /** Largest move of one update, in basis points of the previous NAV. */
  maxMoveBps: integer('max_move_bps').notNull(),
  /** Minimum seconds between two publications. */
  minIntervalSeconds: integer('min_interval_seconds').notNull(),
  /** A NAV older than this refuses subscriptions/redemptions (NAV_STALE). */
  staleAfterSeconds: integer('stale_after_seconds').notNull(),
  /** Mints must stay covered by reserves (RESERVES_SHORT). */
  enforceReserves: boolean('enforce_reserves').notNull().default(false),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** Signed proof-of-reserve statements, append-only. */
export const attestations = pgTable(
  'attestations',
  {
    id: text('id').primaryKey(),
    fundId: text('fund_id')
      .notNull()
      .references(() => funds.id),
    /** The canonical JSON that was signed, byte for byte. */
    payload: text('payload').notNull(),
    body: jsonb('body').$type<Record<string, unknown>>().notNull(),
    /** sha-256 of payload, hex; the value mirrored on chain. */
    hash: text('hash').notNull(),
    /** Ed25519 signature of payload, base64. */
    signature: text('signature').notNull(),
    keyId: text('key_id').notNull(),
    ok: boolean('ok').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('attestations_fund').on(t.fundId, t.createdAt)],
);
