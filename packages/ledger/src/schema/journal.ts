import { sql } from 'drizzle-orm';
import { bigserial, index, pgTable, text, uniqueIndex, bigint, jsonb } from 'drizzle-orm/pg-core';
import { createdAt, units } from './columns.ts';
import { funds } from './funds.ts';

/**
 * Double-entry custody journal. Accounts are per fund and commodity ('units' = fund units in
 * base units, 'usd' = micro-dollars). Codes: `issuance`, `supply:<chain>`, `transit`,
 * `custody:<custodian>`, `cash:<account>`, `investor:<id>`, `yield`.
 */
export const ledgerAccounts = pgTable(
  'ledger_accounts',
  {
    id: bigserial('id', { mode: 'bigint' }).primaryKey(),
    fundId: text('fund_id')
      .notNull()
      .references(() => funds.id),
    code: text('code').notNull(),
    commodity: text('commodity').notNull(),
    /** Maintained by the posting trigger; equals the sum of the account's postings. */
    balance: units('balance').notNull().default(sql`0`),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('ledger_accounts_fund_code').on(t.fundId, t.code, t.commodity)],
);

export const journalEntries = pgTable(
  'journal_entries',
  {
    id: bigserial('id', { mode: 'bigint' }).primaryKey(),
    fundId: text('fund_id')
      .notNull()
      .references(() => funds.id),
    /** The operation that caused it; unique so an operation posts at most once. */
    operationId: text('operation_id'),
    memo: text('memo').notNull(),
    meta: jsonb('meta').$type<Record<string, unknown>>(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('journal_entries_operation').on(t.operationId), index('journal_entries_fund').on(t.fundId)],
);

/** Signed amounts; the database refuses an entry whose postings do not sum to 0 per commodity. */
export const postings = pgTable(
  'postings',
  {
    id: bigserial('id', { mode: 'bigint' }).primaryKey(),
    entryId: bigint('entry_id', { mode: 'bigint' })
      .notNull()
      .references(() => journalEntries.id),
    accountId: bigint('account_id', { mode: 'bigint' })
      .notNull()
      .references(() => ledgerAccounts.id),
    commodity: text('commodity').notNull(),
    amount: units('amount').notNull(),
  },
  (t) => [index('postings_entry').on(t.entryId), index('postings_account').on(t.accountId)],
);
