import { and, asc, eq, inArray } from 'drizzle-orm';
import { FiscusError, isFiscusError } from '@fiscus/core';
import { appendAudit, schema, type Db } from '@fiscus/ledger';
import { checkCompliance } from '../compliance.ts';
import type { EngineLogger } from '../steps/context.ts';
import { admit } from './admit.ts';
import { openHalt } from './halt.ts';
import { burnLeg, casMove, compensationLeg, mintLeg, replaceLeg, requestLeg, sameLeg, wait, type MoveError } from './leg.ts';
import { isPermanent } from '../steps/outcomes.ts';
import { adjustBucket, lockBuckets } from './rate-limit.ts';
import type { MoveRow } from './request.ts';
import { strandMove } from './strand.ts';
import { MOVES_PER_ROUND } from '../defaults.ts';

const { moves, operations, fundWallets, moveRateLimits } = schema;

export const ACTIVE_MOVE_STATES: schema.MoveState[] = ['requested', 'queued', 'burning', 'burned', 'minting', 'compensating'];

export interface MoveSagaOptions {
  logger: EngineLogger;
  /** The rate limiter's clock (tests pass a fake one to refill buckets without sleeping). */
  now?: () => Date;
  /** Only this fund's moves (tests). */
  fundId?: string;
  limit?: number;
}

/**
 * One round of the move saga: every active move advances at most one step. Each step is a
 * compare-and-set on the move row inside the transaction that requests the next leg's
 * operation, so two workers running this at once request each leg once, and a crash between
 * rounds loses nothing (the next round reads the rows again).
 */
export async function advanceMoves(db: Db, o: MoveSagaOptions): Promise<number> {
  const rows = await db
    .select()
    .from(moves)
    .where(and(inArray(moves.state, ACTIVE_MOVE_STATES), o.fundId ? eq(moves.fundId, o.fundId) : undefined))
    .orderBy(asc(moves.createdAt), asc(moves.id))
    .limit(o.limit ?? MOVES_PER_ROUND);
  let advanced = 0;
  for (const move of rows) {
    try {
      if (await advanceMove(db, move, o)) advanced++;
    } catch (e) {
      o.logger.error({ moveId: move.id, state: move.state, err: String(e) }, 'move step failed; retried next round');
    }
  }
  return advanced;
}

export async function advanceMove(db: Db, m: MoveRow, o: MoveSagaOptions): Promise<boolean> {
  const now = (o.now ?? (() => new Date()))();
  switch (m.state) {
    case 'requested':
    case 'queued':
      return admit(db, m, now);
    case 'burning':
      return afterBurn(db, m, now);
    case 'burned':
      return startMint(db, m);
    case 'minting':
      return afterMint(db, m);
    case 'compensating':
      return afterCompensation(db, m, o.logger);
    default:
      return false;
  }
}

async function legOf(db: Db, id: string | null) {
  if (!id) throw new Error('move leg has no operation');
  const [op] = await db.select().from(operations).where(eq(operations.id, id));
  if (!op) throw new Error(`operation ${id} not found`);
  return op;
}

const opError = (op: { lastError: MoveError | null }, fallback: string): MoveError => op.lastError ?? { code: 'TX_FAILED', message: fallback };

type LegOp = { id: string; state: string; txHash: string | null; lastError: MoveError | null };

/** Failed before anything was signed, on an error that may pass (a node down, a timeout). */
const transientFailure = (op: LegOp) =>
  op.state === 'failed' && op.txHash === null && !isPermanent(new FiscusError((op.lastError?.code ?? 'TX_FAILED') as never, ''));

async function afterBurn(db: Db, m: MoveRow, now: Date): Promise<boolean> {
  const op = await legOf(db, m.burnOperationId);
  // `posted` comes only after `confirmed`, which the track step sets only on a FINAL status:
  // supply:src → transit is already in the journal, and only now may the mint be requested.
  if (op.state === 'posted') return Boolean(await casMove(db, m, 'burned', { error: null }));
  if (transientFailure(op)) return replaceLeg(db, m, 'burnOperationId', burnLeg(m), { id: op.id, error: opError(op, 'burn failed') });
  if (op.state !== 'failed' && op.state !== 'compensated') return false;
  // Nothing left the source: the move fails and gives its rate-limit capacity back.
  return db.transaction(async (tx) => {
    const row = await casMove(tx, m, 'failed', { error: opError(op, 'burn failed'), completedAt: now });
    if (!row) return false;
    const buckets = await lockBuckets(tx, m.fundId, [
      { chain: m.fromChain, direction: 'outbound' },
      { chain: m.toChain, direction: 'inbound' },
    ]);
    await adjustBucket(tx, m.fundId, buckets.get(`outbound:${m.fromChain}`), m.units, now);
    await adjustBucket(tx, m.fundId, buckets.get(`inbound:${m.toChain}`), m.units, now);
    await appendAudit(tx, { actor: 'engine', action: 'move.failed', subject: m.id, data: { error: row.error } });
    return true;
  });
}

async function destinationPaused(db: Db, m: MoveRow): Promise<boolean> {
  const [row] = await db
    .select({ paused: moveRateLimits.paused })
    .from(moveRateLimits)
    .where(and(eq(moveRateLimits.fundId, m.fundId), eq(moveRateLimits.chain, m.toChain), eq(moveRateLimits.direction, 'inbound')));
  return row?.paused ?? false;
}

/** Why the destination can never take the units (so they go back to the source), or undefined. */
async function destinationRefusal(db: Db, m: MoveRow): Promise<FiscusError | undefined> {
  const [w] = await db
    .select()
    .from(fundWallets)
    .where(and(eq(fundWallets.fundId, m.fundId), eq(fundWallets.walletId, m.toWalletId)));
  if (w?.status === 'frozen') return new FiscusError('FROZEN', 'the destination wallet is frozen');
  if (w?.status !== 'authorized') return new FiscusError('NOT_AUTHORIZED_ON_CHAIN', `the destination wallet is ${w?.status ?? 'unknown'}`);
  try {
    await checkCompliance(db, { fundId: m.fundId, investorId: m.investorId, action: 'receive', units: 0n });
  } catch (e) {
    if (isFiscusError(e) && e.code === 'POLICY_DENIED') return e;
    throw e;
  }
  return undefined;
}

async function startMint(db: Db, m: MoveRow): Promise<boolean> {
  const halt = await openHalt(db, m.fundId);
  if (halt) return wait(db, m, { code: 'FUND_HALTED', message: halt.reason });
  if (await destinationPaused(db, m)) return wait(db, m, { code: 'PAUSED', message: `moves into ${m.toChain} are paused` });
  const refusal = await destinationRefusal(db, m);
  if (refusal) return compensate(db, m, { code: refusal.code, message: refusal.shortMessage });
  return requestLeg(db, m, 'minting', 'mintOperationId', mintLeg(m));
}

async function afterMint(db: Db, m: MoveRow): Promise<boolean> {
  const op = await legOf(db, m.mintOperationId);
  if (op.state === 'posted') return Boolean(await casMove(db, m, 'completed', { error: null, completedAt: new Date() }));
  if (transientFailure(op)) return replaceLeg(db, m, 'mintOperationId', mintLeg(m), { id: op.id, error: opError(op, 'mint failed') });
  if (op.state === 'failed' || op.state === 'compensated') return compensate(db, m, opError(op, 'destination mint failed'));
  return false;
}

/** The destination refused for good: the burned units go back to the source wallet. */
function compensate(db: Db, m: MoveRow, error: MoveError): Promise<boolean> {
  return requestLeg(db, m, 'compensating', 'compensationOperationId', { ...compensationLeg(m), error });
}

async function afterCompensation(db: Db, m: MoveRow, logger: EngineLogger): Promise<boolean> {
  const op = await legOf(db, m.compensationOperationId);
  if (op.state === 'posted') {
    // An operator's re-mint may have put the units on the destination chain after all: the move
    // then did what it was asked (completed); anywhere else the units went back (compensated).
    if (op.chain === m.toChain) return Boolean(await casMove(db, m, 'completed', { error: null, completedAt: new Date() }));
    return Boolean(await casMove(db, m, 'compensated', { completedAt: new Date() }));
  }
  // The same target again (after a resolution it is the wallet the operator chose, not the source).
  if (transientFailure(op)) return replaceLeg(db, m, 'compensationOperationId', sameLeg(op), { id: op.id, error: m.error ?? opError(op, 're-mint failed') });
  if (op.state !== 'failed' && op.state !== 'compensated') return false;
  return strandMove(db, m, { chain: op.chain, cause: opError(op, 're-mint failed'), logger });
}
