import { and, eq, inArray, sql } from 'drizzle-orm';
import { FiscusError, newId } from '@fiscus/core';
import { appendAudit, schema, type Db } from '@fiscus/ledger';
import { checkCompliance } from '../compliance.ts';
import { loadDeployment } from '../deployments.ts';
import { assertNotHalted } from './halt.ts';
import { lockBuckets } from './rate-limit.ts';

const { moves, wallets, fundWallets } = schema;
export type MoveRow = typeof moves.$inferSelect;

export interface MoveEnd {
  chain: string;
  wallet: string;
}

export interface RequestMoveParams {
  fundId: string;
  from: MoveEnd;
  to: MoveEnd;
  units: bigint;
  requestedBy: string;
}

/** Moves that still hold (or will burn) units of their source wallet. */
const SOURCE_PENDING = ['requested', 'queued', 'burning'] as const;

async function walletFor(db: Db, fundId: string, end: MoveEnd, side: 'from' | 'to') {
  const [w] = await db
    .select({
      id: wallets.id,
      investorId: wallets.investorId,
      address: wallets.address,
      status: fundWallets.status,
      units: fundWallets.units,
      frozenUnits: fundWallets.frozenUnits,
    })
    .from(wallets)
    .innerJoin(fundWallets, and(eq(fundWallets.walletId, wallets.id), eq(fundWallets.fundId, fundId)))
    // EVM addresses may arrive in any case; Stellar keys are upper-case already.
    .where(and(eq(wallets.chain, end.chain), sql`lower(${wallets.address}) = lower(${end.wallet})`));
  if (!w) throw new FiscusError('NOT_FOUND', `no ${side} wallet ${end.wallet} on ${end.chain} for this fund`, { meta: { side } });
  if (w.status === 'frozen') throw new FiscusError('FROZEN', `the ${side} wallet is frozen`, { meta: { side } });
  if (w.status !== 'authorized') throw new FiscusError('NOT_AUTHORIZED_ON_CHAIN', `the ${side} wallet is ${w.status}, not authorized`, { meta: { side } });
  return w;
}

/**
 * Validates and records a move (state `requested`); the moves task does the rest. Everything
 * a client can get wrong is refused here with a stable code, so a stored move can only stop on
 * something that happened after it was accepted (a chain, a limit, a policy change).
 */
export async function requestMove(db: Db, p: RequestMoveParams): Promise<MoveRow> {
  if (p.units <= 0n) throw new FiscusError('INVALID_AMOUNT', 'units must be positive');
  if (p.from.chain === p.to.chain) throw new FiscusError('VALIDATION_FAILED', 'a move needs two different chains');
  await assertNotHalted(db, p.fundId);
  await loadDeployment(db, p.fundId, p.from.chain);
  await loadDeployment(db, p.fundId, p.to.chain);
  const src = await walletFor(db, p.fundId, p.from, 'from');
  const dst = await walletFor(db, p.fundId, p.to, 'to');
  if (src.investorId !== dst.investorId) {
    throw new FiscusError('POLICY_DENIED', 'a move keeps units with their owner: both wallets must belong to the same investor');
  }
  // The investor's one policy (KYC, jurisdiction, investor type) must allow holding on the
  // destination; a move changes no holding in total, so it is checked as a zero-size receive.
  await checkCompliance(db, { fundId: p.fundId, investorId: src.investorId, action: 'receive', units: 0n });

  return db.transaction(async (tx) => {
    // Serialises requests from one wallet so two cannot spend the same units.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`fiscus:move:${src.id}`}))`);
    const [pending] = await tx
      .select({ units: sql<string>`coalesce(sum(${moves.units}), 0)::text` })
      .from(moves)
      .where(and(eq(moves.fromWalletId, src.id), eq(moves.fundId, p.fundId), inArray(moves.state, [...SOURCE_PENDING])));
    const free = src.units - src.frozenUnits - BigInt(pending?.units ?? '0');
    if (p.units > free) {
      throw new FiscusError('INSUFFICIENT_BALANCE', `the source wallet has ${free} units free to move`, { meta: { available: free.toString() } });
    }
    const buckets = await lockBuckets(tx, p.fundId, [
      { chain: p.from.chain, direction: 'outbound' },
      { chain: p.to.chain, direction: 'inbound' },
    ]);
    for (const key of [`outbound:${p.from.chain}`, `inbound:${p.to.chain}`]) {
      const cap = buckets.get(key)?.capacity;
      if (cap != null && p.units > cap) {
        // It could never pass: queuing it would hide a request that must be split.
        throw new FiscusError('MOVE_EXCEEDS_LIMIT', `units exceed the ${key.replace(':', ' limit of ')} (${cap} per 24 h)`, {
          meta: { limit: cap.toString() },
        });
      }
    }
    const [row] = await tx
      .insert(moves)
      .values({
        id: newId('move'),
        fundId: p.fundId,
        investorId: src.investorId,
        fromChain: p.from.chain,
        fromAddress: src.address,
        fromWalletId: src.id,
        toChain: p.to.chain,
        toAddress: dst.address,
        toWalletId: dst.id,
        units: p.units,
        state: 'requested',
        requestedBy: p.requestedBy,
      })
      .returning();
    if (!row) throw new Error('insert returned no move');
    await appendAudit(tx, {
      actor: p.requestedBy,
      action: 'move.requested',
      subject: row.id,
      data: { fundId: p.fundId, from: p.from, to: p.to, units: p.units.toString() },
    });
    return row;
  });
}
