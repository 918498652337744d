import { and, desc, eq, lt, notInArray, or, sql, type SQL } from 'drizzle-orm';
import { TERMINAL_STATES } from '@fiscus/core';
import type { Db } from '../db.ts';
import { tableStatements } from '../table-statements.ts';
import { operationEvents, operations } from '../schema/index.ts';

export type OperationRecord = typeof operations.$inferSelect;
export type OperationEventRow = typeof operationEvents.$inferSelect;

const OPERATIONS = tableStatements(operations);
const EVENTS = tableStatements(operationEvents);

export async function getOperation(db: Db, p: { id: string }): Promise<OperationRecord | undefined> {
  const [row] = await OPERATIONS.selectWhere(db, sql`id = ${p.id}`);
  return row;
}

export interface ListOperationsParameters {
  fundId?: string;
  state?: string;
  chain?: string;
  kind?: string;
  /** Only operations whose context names this investor (an investor key sees nothing else). */
  investorId?: string;
  /** Keyset cursor: ids strictly older than this one (ids are time-ordered). */
  before?: string;
  limit: number;
}

/** Newest first. */
export async function listOperations(db: Db, p: ListOperationsParameters): Promise<OperationRecord[]> {
  const where: SQL[] = [];
  if (p.fundId) where.push(eq(operations.fundId, p.fundId));
  if (p.state) where.push(eq(operations.state, p.state as OperationRecord['state']));
  if (p.chain) where.push(eq(operations.chain, p.chain));
  if (p.kind) where.push(eq(operations.kind, p.kind));
  if (p.investorId) where.push(sql`${operations.context}->>'investorId' = ${p.investorId}`);
  if (p.before) where.push(lt(operations.id, p.before));
  return db
    .select()
    .from(operations)
    .where(and(...where))
    .orderBy(desc(operations.id))
    .limit(p.limit);
}

export async function operationHistory(db: Db, p: { operationId: string }): Promise<OperationEventRow[]> {
  return EVENTS.selectWhere(db, sql`operation_id = ${p.operationId}`, sql`order by id`);
}

/** For the metrics gauge: one grouped scan, read at scrape time. */
export async function countOperationsByState(db: Db): Promise<{ state: string; count: number }[]> {
  const rows = await db.select({ state: operations.state, count: sql<number>`count(*)::int` }).from(operations).groupBy(operations.state);
  return rows.map((r) => ({ state: r.state, count: Number(r.count) }));
}

/**
 * Units already promised out of a wallet by operations not yet terminal (burns, forced
 * transfers away): a second redemption must not spend them again before the first posts.
 */
export async function reservedUnits(db: Db, p: { fundId: string; walletId: string }): Promise<bigint> {
  const [row] = await db
    .select({ total: sql<string>`coalesce(sum((${operations.body}->>'units')::numeric), 0)::text` })
    .from(operations)
    .where(
      and(
        eq(operations.fundId, p.fundId),
        notInArray(operations.state, [...TERMINAL_STATES]),
        or(
          and(eq(operations.kind, 'burn'), sql`${operations.context}->>'walletId' = ${p.walletId}`),
          and(eq(operations.kind, 'forceTransfer'), sql`${operations.context}->>'fromWalletId' = ${p.walletId}`),
        ),
      ),
    );
  return BigInt(row?.total ?? '0');
}
