import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { FiscusError, operationFromJson } from '@fiscus/core';
import { schema, type Db } from '@fiscus/ledger';
import type { MoveRow } from './request.ts';
import { MOVES_LIST_LIMIT } from '../defaults.ts';

const { moves, operations } = schema;

export interface MoveLegView {
  leg: 'burn' | 'mint' | 'compensation';
  operationId: string;
  chain: string;
  /** The wallet the leg burns from or mints to (a resolved re-mint: the one the operator chose). */
  address: string | null;
  state: string;
  txHash: string | null;
  block: bigint | null;
  error: { code: string; message: string } | null;
}

export interface MoveView extends MoveRow {
  legs: MoveLegView[];
}

const LEGS = [
  ['burn', 'burnOperationId'],
  ['mint', 'mintOperationId'],
  ['compensation', 'compensationOperationId'],
] as const;

function legAddress(json: unknown): string | null {
  const body = operationFromJson(json);
  return body.kind === 'mint' ? body.to : body.kind === 'burn' ? body.from : null;
}

async function withLegs(db: Db, rows: MoveRow[]): Promise<MoveView[]> {
  const ids = rows.flatMap((m) => LEGS.map(([, col]) => m[col]).filter((x): x is string => Boolean(x)));
  const ops = ids.length ? await db.select().from(operations).where(inArray(operations.id, ids)) : [];
  const byId = new Map(ops.map((o) => [o.id, o]));
  return rows.map((m) => ({
    ...m,
    legs: LEGS.flatMap(([leg, col]) => {
      const op = m[col] ? byId.get(m[col]!) : undefined;
      return op
        ? [
            {
              leg,
              operationId: op.id,
              chain: op.chain,
              address: legAddress(op.body),
              state: op.state,
              txHash: op.txHash,
              block: op.block,
              error: op.lastError ?? null,
            },
          ]
        : [];
    }),
  }));
}

export async function moveView(db: Db, fundId: string, moveId: string): Promise<MoveView> {
  const [row] = await db
    .select()
    .from(moves)
    .where(and(eq(moves.id, moveId), eq(moves.fundId, fundId)));
  if (!row) throw new FiscusError('NOT_FOUND', `move ${moveId} not found`);
  const [view] = await withLegs(db, [row]);
  return view!;
}

export async function listMoves(db: Db, fundId: string, p: { state?: string; limit?: number } = {}): Promise<MoveView[]> {
  const rows = await db
    .select()
    .from(moves)
    .where(and(eq(moves.fundId, fundId), p.state ? eq(moves.state, p.state as schema.MoveState) : undefined))
    .orderBy(desc(moves.createdAt), desc(moves.id))
    .limit(p.limit ?? MOVES_LIST_LIMIT);
  return withLegs(db, rows);
}

/** Moves held for an operator (every fund): the `fiscus_moves_stranded` gauge, alert when > 0. */
export async function countStrandedMoves(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<string>`count(*)` }).from(moves).where(eq(moves.state, 'stranded'));
  return Number(row?.n ?? 0);
}
