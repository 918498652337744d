import { index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { createdAt, updatedAt } from './columns.ts';

/**
 * Avalanche L1 provisionings (P-Chain CreateSubnetTx → CreateChainTx → ConvertSubnetToL1Tx).
 * `record` is chain-avalanche's ProvisionRecord (signed tx bytes + ids), written BEFORE each tx is
 * issued; the columns beside it are copies for lookups and uniqueness. One L1 per EVM chain id.
 */
export const l1Provisions = pgTable(
  'l1_provisions',
  {
    id: text('id').primaryKey(),
    evmChainId: integer('evm_chain_id').notNull(),
    /** createSubnet | createChain | convert | done | failed */
    step: text('step').notNull(),
    subnetId: text('subnet_id'),
    blockchainId: text('blockchain_id'),
    conversionId: text('conversion_id'),
    /** The L1 configuration it was asked for (bigints as strings). */
    config: jsonb('config').notNull(),
    record: jsonb('record'),
    error: text('error'),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('l1_provisions_evm_chain_id').on(t.evmChainId),
    uniqueIndex('l1_provisions_subnet_id').on(t.subnetId).where(sql`${t.subnetId} is not null`),
    index('l1_provisions_step').on(t.step),
  ],
);
