import { index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './columns.ts';
import { funds } from './funds.ts';

/** One incoming unit movement an approval lets land: counted against the receiver's limits until it lands or expires. */
export interface Sep8Transfer {
  to: string;
  /** The receiving investor; absent for a redemption (paid to the redemption address). */
  investorId?: string;
  /** Base units, as a decimal string. */
  units: string;
}

/**
 * SEP-8 approval answers, keyed by the hash of the transaction the wallet sent, so the same
 * transaction always gets the same answer (success / revised / rejected are final; pending and
 * action_required are not stored: the wallet is told to send the same transaction again later).
 * An approved transaction is `open` until the ledger has it (`landed`), it failed there
 * (`failed`) or its time bounds passed without it (`expired`); while open its transfers count
 * toward the receivers' holdings, as SEP-8 recommends for signed transactions.
 */
export const sep8Approvals = pgTable(
  'sep8_approvals',
  {
    /** Hex sha-256 of the submitted transaction (network passphrase included). */
    txHash: text('tx_hash').primaryKey(),
    fundId: text('fund_id')
      .notNull()
      .references(() => funds.id),
    chain: text('chain').notNull(),
    /** The transaction's source account (the rate limit and the tracking use it). */
    source: text('source').notNull(),
    /** success | revised | rejected */
    status: text('status').notNull(),
    /** The SEP-8 response body, returned again as is. */
    response: jsonb('response').$type<Record<string, unknown>>().notNull(),
    /** The issuer-signed transaction we answered with (its hash as the ledger will know it). */
    approvedHash: text('approved_hash'),
    approvedSequence: text('approved_sequence'),
    validUntil: timestamp('valid_until', { withTimezone: true }),
    /** open | landed | failed | expired | final (rejections) */
    state: text('state').notNull(),
    transfers: jsonb('transfers').$type<Sep8Transfer[]>().notNull().default([]),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('sep8_approvals_open').on(t.fundId, t.state), index('sep8_approvals_approved_hash').on(t.approvedHash)],
);
