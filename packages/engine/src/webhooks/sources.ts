import { and, asc, eq, gt, inArray, isNotNull, lte, sql } from 'drizzle-orm';
import { formatUnits, formatUsd } from '@fiscus/core';
import { schema, type Db } from '@fiscus/ledger';
import type { WebhookEvent, WebhookEventType } from './types.ts';

const { operationEvents, operations, reconciliations, redemptions, moves, distributions, fundHalts, investors, funds } = schema;

/** Rows of one source with their time in (from, to], oldest first, as events. */
export interface EventSource {
  type: WebhookEventType;
  read(db: Db, from: Date, to: Date | undefined, limit: number): Promise<WebhookEvent[]>;
}

const u = (v: bigint | null, decimals: number) => (v === null ? null : formatUnits(v, decimals));
const window = (col: Parameters<typeof gt>[0], from: Date, to: Date | undefined) => and(gt(col, from), to ? lte(col, to) : undefined);

const operationStateChanged: EventSource = {
  type: 'operation.state_changed',
  async read(db, from, to, limit) {
    const rows = await db
      .select({
        e: operationEvents,
        op: {
          id: operations.id,
          fundId: operations.fundId,
          chain: operations.chain,
          kind: operations.kind,
          txHash: operations.txHash,
          context: operations.context,
        },
      })
      .from(operationEvents)
      .innerJoin(operations, eq(operations.id, operationEvents.operationId))
      .where(window(operationEvents.at, from, to))
      .orderBy(asc(operationEvents.at), asc(operationEvents.id))
      .limit(limit);
    return rows.map(({ e, op }) => ({
      id: `evt_op_${e.id}`,
      type: 'operation.state_changed',
      fundId: op.fundId,
      occurredAt: e.at,
      payload: {
        operationId: op.id,
        fundId: op.fundId,
        chain: op.chain,
        kind: op.kind,
        from: e.fromState,
        to: e.toState,
        txHash: op.txHash,
        context: op.context,
      },
    }));
  },
};

const reconciliationDrift: EventSource = {
  type: 'reconciliation.drift',
  async read(db, from, to, limit) {
    const rows = await db
      .select({ r: reconciliations, decimals: funds.decimals })
      .from(reconciliations)
      .innerJoin(funds, eq(funds.id, reconciliations.fundId))
      .where(and(eq(reconciliations.status, 'drift'), window(reconciliations.createdAt, from, to)))
      .orderBy(asc(reconciliations.createdAt), asc(reconciliations.id))
      .limit(limit);
    return rows.map(({ r, decimals }) => ({
      id: `evt_rec_${r.id}`,
      type: 'reconciliation.drift',
      fundId: r.fundId,
      occurredAt: r.createdAt,
      payload: {
        reconciliationId: r.id,
        fundId: r.fundId,
        chain: r.chain,
        ledgerSupply: u(r.ledgerSupply, decimals),
        chainSupply: u(r.chainSupply, decimals),
        drift: u(r.drift, decimals),
      },
    }));
  },
};

const redemptionSettled: EventSource = {
  type: 'redemption.settled',
  async read(db, from, to, limit) {
    const rows = await db
      .select({ r: redemptions, decimals: funds.decimals })
      .from(redemptions)
      .innerJoin(funds, eq(funds.id, redemptions.fundId))
      .where(and(isNotNull(redemptions.settledAt), window(redemptions.settledAt, from, to)))
      .orderBy(asc(redemptions.settledAt), asc(redemptions.id))
      .limit(limit);
    return rows.map(({ r, decimals }) => ({
      id: `evt_red_${r.id}`,
      type: 'redemption.settled',
      fundId: r.fundId,
      occurredAt: r.settledAt!,
      payload: {
        redemptionId: r.id,
        fundId: r.fundId,
        investorId: r.investorId,
        chain: r.chain,
        units: formatUnits(r.units, decimals),
        usd: r.usd === null ? null : formatUsd(r.usd),
        source: r.source,
      },
    }));
  },
};

const moveCompleted: EventSource = {
  type: 'move.completed',
  async read(db, from, to, limit) {
    const rows = await db
      .select({ m: moves, decimals: funds.decimals })
      .from(moves)
      .innerJoin(funds, eq(funds.id, moves.fundId))
      .where(and(eq(moves.state, 'completed'), isNotNull(moves.completedAt), window(moves.completedAt, from, to)))
      .orderBy(asc(moves.completedAt), asc(moves.id))
      .limit(limit);
    return rows.map(({ m, decimals }) => ({
      id: `evt_move_${m.id}`,
      type: 'move.completed',
      fundId: m.fundId,
      occurredAt: m.completedAt!,
      payload: { moveId: m.id, fundId: m.fundId, investorId: m.investorId, fromChain: m.fromChain, toChain: m.toChain, units: formatUnits(m.units, decimals) },
    }));
  },
};

const distributionCompleted: EventSource = {
  type: 'distribution.completed',
  async read(db, from, to, limit) {
    const rows = await db
      .select({ d: distributions, decimals: funds.decimals })
      .from(distributions)
      .innerJoin(funds, eq(funds.id, distributions.fundId))
      .where(
        and(inArray(distributions.state, ['completed', 'partially_failed']), isNotNull(distributions.completedAt), window(distributions.completedAt, from, to)),
      )
      .orderBy(asc(distributions.completedAt), asc(distributions.id))
      .limit(limit);
    return rows.map(({ d, decimals }) => ({
      id: `evt_dist_${d.id}`,
      type: 'distribution.completed',
      fundId: d.fundId,
      occurredAt: d.completedAt!,
      payload: { distributionId: d.id, fundId: d.fundId, state: d.state, units: u(d.units, decimals), holders: d.holders, carryOut: u(d.carryOut, decimals) },
    }));
  },
};

const fundHalted: EventSource = {
  type: 'fund.halted',
  async read(db, from, to, limit) {
    const rows = await db
      .select()
      .from(fundHalts)
      .where(window(fundHalts.createdAt, from, to))
      .orderBy(asc(fundHalts.createdAt), asc(fundHalts.id))
      .limit(limit);
    return rows.map((h) => ({
      id: `evt_halt_${h.id}`,
      type: 'fund.halted',
      fundId: h.fundId,
      occurredAt: h.createdAt,
      payload: { haltId: h.id, fundId: h.fundId, reason: h.reason, operationId: h.operationId },
    }));
  },
};

/** The sources read by time cursor; KYC expiry is read by its own rule (kycExpiring). */
export const CURSOR_SOURCES: EventSource[] = [operationStateChanged, reconciliationDrift, redemptionSettled, moveCompleted, distributionCompleted, fundHalted];

/**
 * Verified investors whose KYC expires within the warning window: one event per investor and
 * expiry date (a renewed KYC with a new date warns again).
 */
export async function kycExpiring(db: Db, p: { now: Date; warningMs: number; limit: number }): Promise<WebhookEvent[]> {
  const until = new Date(p.now.getTime() + p.warningMs);
  const rows = await db
    .select()
    .from(investors)
    .where(and(eq(investors.kycStatus, 'verified'), sql`${investors.kycExpiresAt} > ${p.now.toISOString()}`, lte(investors.kycExpiresAt, until)))
    .orderBy(asc(investors.kycExpiresAt), asc(investors.id))
    .limit(p.limit);
  return rows.map((i) => ({
    id: `evt_kyc_${i.id}_${i.kycExpiresAt!.getTime()}`,
    type: 'investor.kyc_expiring',
    fundId: null,
    occurredAt: p.now,
    payload: { investorId: i.id, legalName: i.legalName, kycExpiresAt: i.kycExpiresAt!.toISOString() },
  }));
}
