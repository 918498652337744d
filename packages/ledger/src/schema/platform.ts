import { bigserial, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { createdAt, units } from './columns.ts';
import { funds } from './funds.ts';
import { investors } from './investors.ts';

export const apiKeys = pgTable('api_keys', {
  id: text('id').primaryKey(),
  /** sha256 of the secret part; the secret itself is never stored. */
  secretHash: text('secret_hash').notNull(),
  role: text('role').notNull(),
  investorId: text('investor_id').references(() => investors.id),
  label: text('label'),
  createdAt: createdAt(),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
});

export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    principal: text('principal').notNull(),
    key: text('key').notNull(),
    method: text('method').notNull(),
    path: text('path').notNull(),
    requestHash: text('request_hash').notNull(),
    statusCode: integer('status_code').notNull(),
    response: jsonb('response'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.principal, t.key] })],
);

export const reconciliations = pgTable(
  'reconciliations',
  {
    id: text('id').primaryKey(),
    fundId: text('fund_id')
      .notNull()
      .references(() => funds.id),
    chain: text('chain').notNull(),
    ledgerSupply: units('ledger_supply').notNull(),
    chainSupply: units('chain_supply'),
    drift: units('drift'),
    /** clean | drift | error */
    status: text('status').notNull(),
    detail: jsonb('detail').$type<Record<string, unknown>>(),
    createdAt: createdAt(),
  },
  (t) => [index('reconciliations_fund').on(t.fundId, t.createdAt)],
);

/** Append-only, hash-chained: hash = sha256(prevHash ‖ canonical JSON of the row's content). */
export const auditLog = pgTable('audit_log', {
  seq: bigserial('seq', { mode: 'bigint' }).primaryKey(),
  at: timestamp('at', { withTimezone: true }).notNull(),
  actor: text('actor').notNull(),
  action: text('action').notNull(),
  subject: text('subject').notNull(),
  data: jsonb('data').$type<Record<string, unknown>>().notNull(),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
});
