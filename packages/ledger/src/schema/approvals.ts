import { bigserial, index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, units } from './columns.ts';
import { operations } from './operations.ts';

/**
 * A multisig operation's proposal: what its approvers sign (core ApprovalProposal), written
 * once, in the transaction that allocated its sequence, so a crash never builds a second one
 * with a different hash (docs/architecture.md "Multi-signature approvals").
 */
export const operationApprovals = pgTable('operation_approvals', {
  operationId: text('operation_id')
    .primaryKey()
    .references(() => operations.id),
  scheme: text('scheme').$type<'stellar-tx' | 'safe-tx'>().notNull(),
  hash: text('hash').notNull(),
  approvers: jsonb('approvers').$type<string[]>().notNull(),
  threshold: integer('threshold').notNull(),
  payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
  /** The allocator key and number the proposal consumed (an account sequence, a Safe nonce). */
  sequenceKey: text('sequence_key').notNull(),
  sequence: units('sequence').notNull(),
  createdAt: createdAt(),
});

/** Approvers' signatures, persisted as they arrive: one per (operation, hash, signer). */
export const operationSignatures = pgTable(
  'operation_signatures',
  {
    id: bigserial('id', { mode: 'bigint' }).primaryKey(),
    operationId: text('operation_id')
      .notNull()
      .references(() => operations.id),
    hash: text('hash').notNull(),
    signer: text('signer').notNull(),
    signature: text('signature').notNull(),
    /** The API principal that posted it (the approver's key authenticates the signature itself). */
    postedBy: text('posted_by'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('operation_signatures_once').on(t.operationId, t.hash, t.signer), index('operation_signatures_op').on(t.operationId)],
);
