import type { OperationState } from '@fiscus/core';
import { sql } from 'drizzle-orm';
import { customType, index, integer, jsonb, pgTable, primaryKey, text, timestamp, bigserial, boolean } from 'drizzle-orm/pg-core';
import { createdAt, units, updatedAt } from './columns.ts';
import { funds } from './funds.ts';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => new Uint8Array(v),
});

/** A replaced candidate: its hash, signed bytes (hex), and whether it was a filler (no effect). */
export interface SupersededTx {
  hash: string;
  raw: string;
  filler?: boolean;
}

/** The outbox: every state change on a chain is a row here first. */
export const operations = pgTable(
  'operations',
  {
    id: text('id').primaryKey(),
    fundId: text('fund_id')
      .notNull()
      .references(() => funds.id),
    chain: text('chain').notNull(),
    kind: text('kind').notNull(),
    /** core OperationBody as JSON (units as strings). */
    body: jsonb('body').notNull(),
    /** Business context the engine needs to post (investor, wallet ids…). */
    context: jsonb('context').$type<Record<string, unknown>>().notNull().default({}),
    state: text('state').$type<OperationState>().notNull(),
    requiresApproval: boolean('requires_approval').notNull().default(false),
    requestedBy: text('requested_by'),
    approvedBy: text('approved_by'),
    signer: text('signer'),
    sequence: units('sequence'),
    txHash: text('tx_hash'),
    rawTx: bytea('raw_tx'),
    validUntil: timestamp('valid_until', { withTimezone: true }),
    /** When the current bytes were signed: how long they have waited decides a fee replacement. */
    signedAt: timestamp('signed_at', { withTimezone: true }),
    /**
     * Earlier signed transactions at the same nonce, replaced by the current one (higher fee, or
     * a filler that gives the effect up). Any of them may still land instead: the one that does
     * is the one booked.
     */
    supersededTxs: jsonb('superseded_txs').$type<SupersededTx[]>().notNull().default([]),
    /** Set while the current transaction is a filler replacing the effect: why it was given up. */
    abandonReason: jsonb('abandon_reason').$type<{ code: string; message: string } | null>(),
    /** Block / ledger that included it, once confirmed. */
    block: units('block'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    leaseOwner: text('lease_owner'),
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    lastError: jsonb('last_error').$type<{ code: string; message: string } | null>(),
    result: jsonb('result').$type<Record<string, unknown> | null>(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('operations_work').on(t.state, t.nextAttemptAt),
    index('operations_fund').on(t.fundId, t.createdAt),
    // The ingest asks, per page of chain events, which transactions are ours: by hash, not by
    // scanning every operation ever posted (engine/src/ingest/ingest.ts, ownTxHashes).
    index('operations_chain_tx').on(t.chain, sql`lower(${t.txHash})`),
    index('operations_replaced').on(t.chain).where(sql`jsonb_array_length(${t.supersededTxs}) > 0`),
  ],
);

/** Every state transition, append-only: the operation's history. */
export const operationEvents = pgTable(
  'operation_events',
  {
    id: bigserial('id', { mode: 'bigint' }).primaryKey(),
    operationId: text('operation_id')
      .notNull()
      .references(() => operations.id),
    fromState: text('from_state'),
    toState: text('to_state').notNull(),
    detail: jsonb('detail').$type<Record<string, unknown>>(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('operation_events_op').on(t.operationId, t.id)],
);

/** Next nonce / sequence per signer, allocated under SELECT … FOR UPDATE. */
export const signerSequences = pgTable(
  'signer_sequences',
  {
    chain: text('chain').notNull(),
    signer: text('signer').notNull(),
    next: units('next').notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.chain, t.signer] })],
);
