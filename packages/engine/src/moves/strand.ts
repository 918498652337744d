import { appendAudit, type Db } from '@fiscus/ledger';
import type { EngineLogger } from '../steps/context.ts';
import { casMove, type MoveError } from './leg.ts';
import type { MoveRow } from './request.ts';

/**
 * The re-mint failed for good (the source wallet deauthorized or frozen meanwhile, the chain
 * refusing it): nothing the engine can decide alone puts the units back on a chain, and picking
 * another wallet for the investor is an operator's call. The move is held `stranded` — the units
 * stay in transit, so Σ supply + transit = outstanding still holds — with the reason on the move,
 * an `ALERT` log, an audit record and the `fiscus_moves_stranded` gauge, until an operator
 * resolves it (resolve.ts). It is never `failed`: a failed move would hide units in transit.
 */
export async function strandMove(db: Db, m: MoveRow, p: { chain: string; cause: MoveError; logger: EngineLogger }): Promise<boolean> {
  // The destination's refusal, kept in the reason (after a failed resolution it is in the audit log).
  const destination = m.error && m.error.code !== 'COMPENSATION_FAILED' ? `; the destination refused: ${m.error.code} ${m.error.message}` : '';
  const error = {
    code: 'COMPENSATION_FAILED',
    message: `re-mint on ${p.chain} failed (${p.cause.code}: ${p.cause.message}); ${m.units} units remain in transit until an operator resolves the move${destination}`,
  };
  const stranded = await db.transaction(async (tx) => {
    const row = await casMove(tx, m, 'stranded', { error });
    if (!row) return false;
    await appendAudit(tx, {
      actor: 'engine',
      action: 'move.stranded',
      subject: m.id,
      data: { fundId: m.fundId, investorId: m.investorId, chain: p.chain, units: m.units.toString(), error, cause: p.cause, destinationError: m.error ?? null },
    });
    return true;
  });
  // Once committed, so the alert never names a move another worker moved on meanwhile.
  if (stranded)
    p.logger.error(
      { moveId: m.id, fundId: m.fundId, chain: p.chain, units: m.units.toString(), cause: p.cause },
      'ALERT move stranded: units in transit wait for an operator (POST …/moves/:moveId/resolve)',
    );
  return stranded;
}
