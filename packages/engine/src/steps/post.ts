import { sql } from 'drizzle-orm';
import { appendAudits, type Db } from '@fiscus/ledger';
import { applyEffects } from '../effects/index.ts';
import { GroupCommit, type Settled } from '../group-commit.ts';
import { guardSupplyInvariant } from '../invariants/supply.ts';
import type { OperationRow } from '../rows.ts';
import { transition } from '../transition.ts';
import type { StepContext, StepResult } from './context.ts';

/** Postings committed in one transaction at most: a fund's other postings wait for it to commit. */
export const MAX_POSTINGS_PER_COMMIT = 64;

/**
 * confirmed → posted: the ledger entries and the state change commit together, so a crash
 * before commit leaves the row `confirmed` (posted again on restart) and a crash after leaves
 * it `posted` (never posted twice). A worker's concurrent postings share a transaction
 * (`ctx.postings`, see postingGroup).
 */
export function postStep(ctx: StepContext, op: OperationRow): Promise<StepResult> {
  if (ctx.postings) return ctx.postings.add(op);
  return postAlone(ctx, op);
}

/**
 * Group commit of a worker's postings: those that reach `confirmed` while a posting transaction
 * is in flight commit together in the next — one BEGIN/COMMIT, one supply check per fund and one
 * audit append for all of them instead of one each (the pipeline bench's mints spent a third of
 * their statements on that). All or nothing as one transaction; when it fails (one operation's
 * effects refused, a deadlock) each is posted on its own, so no operation holds another back and
 * each error reaches its own operation.
 */
export function postingGroup(ctx: StepContext): GroupCommit<OperationRow, StepResult> {
  return new GroupCommit(async (ops) => {
    if (ops.length > 1) {
      const rows = await commitPostings(ctx, ops).catch((e: unknown) => {
        ctx.logger.warn({ operations: ops.length, err: String(e) }, 'posting group failed: posting each on its own');
        return undefined;
      });
      if (rows) return Promise.all(rows.map((row, i) => announced(ctx, row, ops[i]!)));
    }
    const settled: Settled<StepResult>[] = [];
    for (const op of ops)
      settled.push(
        await postAlone(ctx, op).then(
          (value) => ({ ok: true as const, value }),
          (error: unknown) => ({ ok: false as const, error }),
        ),
      );
    return settled;
  }, MAX_POSTINGS_PER_COMMIT);
}

async function postAlone(ctx: StepContext, op: OperationRow): Promise<StepResult> {
  const [row] = await commitPostings(ctx, [op]);
  if (row) await ctx.onTransition?.(row, op.state);
  return row;
}

async function announced(ctx: StepContext, row: StepResult, op: OperationRow): Promise<Settled<StepResult>> {
  try {
    if (row) await ctx.onTransition?.(row, op.state);
    return { ok: true, value: row };
  } catch (error) {
    return { ok: false, error };
  }
}

/** Posts `ops` in one transaction; undefined for an operation another worker moved meanwhile. */
async function commitPostings(ctx: StepContext, ops: readonly OperationRow[]): Promise<StepResult[]> {
  return ctx.db.transaction(async (tx) => {
    const funds = [...new Set(ops.map((op) => op.fundId))].sort();
    for (const fundId of funds) await lockFundPostings(tx, fundId);
    const rows: StepResult[] = [];
    for (const op of ops) {
      const moved = await transition(tx, { op, to: 'posted', leaseOwner: ctx.owner, patch: { lastError: null } });
      if (moved) await applyEffects(tx, moved);
      rows.push(moved);
    }
    const posted = ops.filter((_, i) => rows[i]);
    // Invariant S2 (docs/architecture.md) after the postings, before they commit; a breach halts the fund (mints, moves) and alerts.
    for (const fundId of funds) {
      const first = posted.find((op) => op.fundId === fundId);
      if (first) await guardSupplyInvariant(tx, { fundId, operationId: first.id, logger: ctx.logger });
    }
    await appendAudits(
      tx,
      posted.map((op) => ({
        actor: 'engine',
        action: 'operation.posted',
        subject: op.id,
        data: { chain: op.chain, kind: op.kind, txHash: op.txHash, block: op.block?.toString() ?? null },
      })),
    );
    return rows;
  });
}

/**
 * Postings of one fund take their row locks (positions, then the supply account) in the order of
 * their operations; two transactions each holding several could take them in opposite orders and
 * deadlock. A fund's postings already wait for each other on its supply account, so serialising
 * them from the start costs no concurrency. Funds are locked in sorted order for the same reason.
 */
async function lockFundPostings(tx: Db, fundId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`fiscus.postings:${fundId}`}, 0))`);
}
