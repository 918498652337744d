import { checkSupplyInvariant, type Db } from '@fiscus/ledger';
import { haltFund } from '../moves/halt.ts';
import type { EngineLogger } from '../steps/context.ts';

/**
 * Invariant S2 (docs/architecture.md; Σ supply:<chain> + transit == −issuance), checked inside the posting's own
 * transaction, right after its entry. Entries balance per commodity, so a breach means units
 * sit in an account that is none of these (a posting bug or a hand-written entry): the fund is
 * halted (mints and moves stop), an audit record and an alert are written. The posting itself
 * stays: the chain already did what it records, and refusing it would hide the chain's truth.
 */
export async function guardSupplyInvariant(tx: Db, p: { fundId: string; operationId?: string; logger: EngineLogger }): Promise<boolean> {
  const inv = await checkSupplyInvariant(tx, p.fundId);
  if (inv.ok) return true;
  const total = Object.values(inv.supplies).reduce((a, b) => a + b, inv.transit);
  const detail = {
    outstanding: inv.outstanding.toString(),
    transit: inv.transit.toString(),
    supplies: Object.fromEntries(Object.entries(inv.supplies).map(([k, v]) => [k, v.toString()])),
    difference: (total - inv.outstanding).toString(),
  };
  await haltFund(tx, { fundId: p.fundId, reason: 'supply invariant breached', detail, operationId: p.operationId });
  p.logger.error({ fundId: p.fundId, operationId: p.operationId, ...detail }, 'ALERT supply invariant breached: fund halted');
  return false;
}
