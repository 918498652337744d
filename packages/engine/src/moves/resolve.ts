import { and, eq, sql, type SQL } from 'drizzle-orm';
import { FiscusError, operationFromJson, type ChainId } from '@fiscus/core';
import { appendAudit, schema, type Db } from '@fiscus/ledger';
import { loadDeployment } from '../deployments.ts';
import { requestOperation } from '../request.ts';
import { assertNotHalted } from './halt.ts';
import { casMove } from './leg.ts';
import type { MoveRow } from './request.ts';

const { moves, operations, wallets, fundWallets } = schema;

export type ResolveMoveAction = 'retry' | 'remint';

export interface ResolveMoveParams {
  fundId: string;
  moveId: string;
  /** retry: re-mint again to the wallet of the failed re-mint; remint: to `address` on `chain`. */
  action: ResolveMoveAction;
  chain?: string;
  address?: string;
  actor: string;
}

interface Target {
  chain: string;
  address: string;
  walletId: string;
}

/**
 * The wallet the units go to: the move's own investor's (units in transit are that investor's
 * and never change owner here), registered for the fund, authorized now, on a chain where the
 * fund is deployed and may mint. Checked before anything is requested, so an operator gets a
 * stable code instead of a second failed re-mint.
 */
async function target(db: Db, m: MoveRow, where: SQL, what: string): Promise<Target> {
  const [w] = await db
    .select({ id: wallets.id, chain: wallets.chain, investorId: wallets.investorId, address: wallets.address, status: fundWallets.status })
    .from(wallets)
    .innerJoin(fundWallets, and(eq(fundWallets.walletId, wallets.id), eq(fundWallets.fundId, m.fundId)))
    .where(where);
  if (!w) throw new FiscusError('NOT_FOUND', `no wallet ${what} for this fund`);
  if (w.investorId !== m.investorId) {
    throw new FiscusError('POLICY_DENIED', 'units in transit go back to their owner: the wallet belongs to another investor', {
      meta: { investorId: m.investorId },
    });
  }
  if (w.status === 'frozen') throw new FiscusError('FROZEN', `the wallet ${w.address} on ${w.chain} is frozen`);
  if (w.status !== 'authorized') {
    throw new FiscusError('NOT_AUTHORIZED_ON_CHAIN', `the wallet ${w.address} on ${w.chain} is ${w.status}, not authorized`, {
      details: 'Authorize it again, or re-mint to another authorized wallet of the investor (action remint).',
      meta: { status: w.status },
    });
  }
  const dep = await loadDeployment(db, m.fundId, w.chain);
  if (dep.mintsBlocked) throw new FiscusError('MINTS_BLOCKED', `mints on ${w.chain} are blocked: ${dep.blockedReason ?? 'supply drift'}`);
  return { chain: w.chain, address: w.address, walletId: w.id };
}

/** retry: the wallet the failed re-mint was for (the source wallet, or an earlier operator's choice). */
async function lastTarget(db: Db, m: MoveRow): Promise<Target> {
  const [op] = m.compensationOperationId ? await db.select().from(operations).where(eq(operations.id, m.compensationOperationId)) : [];
  const walletId = typeof op?.context.walletId === 'string' ? op.context.walletId : m.fromWalletId;
  const body = op ? operationFromJson(op.body) : undefined;
  const address = body?.kind === 'mint' ? body.to : m.fromAddress;
  return target(db, m, eq(wallets.id, walletId), `${address} on ${op?.chain ?? m.fromChain}`);
}

function validate(p: ResolveMoveParams): void {
  if (p.action === 'retry' && (p.chain !== undefined || p.address !== undefined)) {
    throw new FiscusError(
      'VALIDATION_FAILED',
      'retry re-mints to the wallet of the failed re-mint; to choose another wallet use action remint with chain and address',
    );
  }
  if (p.action === 'remint' && (!p.chain || !p.address))
    throw new FiscusError('VALIDATION_FAILED', 'remint needs the chain and address of a wallet of the investor');
  if (p.action !== 'retry' && p.action !== 'remint') throw new FiscusError('VALIDATION_FAILED', 'action must be retry or remint');
}

/**
 * An operator's resolution of a `stranded` move: one new re-mint of the units in transit to a
 * wallet of the same investor (the source, the destination or any chain where that wallet is
 * authorized). The move goes back to `compensating` in the transaction that requests the
 * operation, as a compare-and-set on `stranded`, so a second resolution (concurrent or later)
 * gets MOVE_NOT_STRANDED and never requests a second re-mint; the saga then finishes it
 * (transit → supply:<chain>): `completed` on the destination chain, `compensated` elsewhere.
 */
export async function resolveMove(db: Db, p: ResolveMoveParams): Promise<MoveRow> {
  validate(p);
  const [m] = await db
    .select()
    .from(moves)
    .where(and(eq(moves.id, p.moveId), eq(moves.fundId, p.fundId)));
  if (!m) throw new FiscusError('NOT_FOUND', `move ${p.moveId} not found`);
  const notHeld = (state: string) =>
    new FiscusError('MOVE_NOT_STRANDED', `move ${m.id} is ${state}: only a stranded move can be resolved`, { meta: { state } });
  if (m.state !== 'stranded') throw notHeld(m.state);
  await assertNotHalted(db, m.fundId);
  const to =
    p.action === 'retry'
      ? await lastTarget(db, m)
      : await target(db, m, and(eq(wallets.chain, p.chain!), sql`lower(${wallets.address}) = lower(${p.address!})`)!, `${p.address} on ${p.chain}`);

  return db.transaction(async (tx) => {
    const moved = await casMove(tx, m, 'compensating');
    if (!moved) throw notHeld('no longer stranded');
    const op = await requestOperation(tx, {
      fundId: m.fundId,
      chain: to.chain as ChainId,
      body: { kind: 'mint', to: to.address, units: m.units },
      // compensation: the investor's own units coming back (no subscription, no new lock-up).
      context: { moveId: m.id, compensation: true, walletId: to.walletId, investorId: m.investorId, resolvedBy: p.actor },
      requestedBy: p.actor,
    });
    const [row] = await tx.update(moves).set({ compensationOperationId: op.id }).where(eq(moves.id, m.id)).returning();
    await appendAudit(tx, {
      actor: p.actor,
      action: 'move.resolved',
      subject: m.id,
      data: {
        fundId: m.fundId,
        action: p.action,
        chain: to.chain,
        address: to.address,
        walletId: to.walletId,
        units: m.units.toString(),
        operationId: op.id,
        replaced: m.compensationOperationId,
        error: m.error,
      },
    });
    return row!;
  });
}
