import { z } from '@hono/zod-openapi';
import { formatUnits, publicErrorOf, withPublicError } from '@fiscus/core';
import { explorerUrl } from '@fiscus/engine';
import type { OperationEventRow, OperationRecord } from '@fiscus/ledger';
import { iso, Timestamp } from '../../lib/schemas.ts';

export const OperationEventSchema = z
  .object({ from: z.string().nullable(), to: z.string(), at: Timestamp, detail: z.record(z.string(), z.unknown()).nullable() })
  .openapi('OperationEvent');

export const OperationSchema = z
  .object({
    id: z.string().openapi({ example: 'op_0193…' }),
    fundId: z.string(),
    chain: z.string(),
    kind: z.string().openapi({ example: 'mint' }),
    state: z.string().openapi({ example: 'approved' }),
    body: z.record(z.string(), z.unknown()).openapi({ description: 'The operation; units formatted in fund units' }),
    requiresApproval: z.boolean(),
    requestedBy: z.string().nullable(),
    approvedBy: z.string().nullable(),
    txHash: z.string().nullable(),
    explorerUrl: z.string().nullable(),
    sequence: z.string().nullable(),
    block: z.string().nullable(),
    attempts: z.int(),
    lastError: z.object({ code: z.string(), message: z.string() }).nullable(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    history: z.array(OperationEventSchema).optional(),
  })
  .openapi('Operation');
export type OperationOut = z.infer<typeof OperationSchema>;

/** Base-unit strings in a stored body (also inside batch items) → fund-unit decimal strings. */
export function formatBodyUnits(value: unknown, decimals: number): unknown {
  if (Array.isArray(value)) return value.map((v) => formatBodyUnits(v, decimals));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [
      k,
      k === 'units' && typeof v === 'string' && /^-?\d+$/.test(v) ? formatUnits(BigInt(v), decimals) : formatBodyUnits(v, decimals),
    ]),
  );
}

export function presentOperation(op: OperationRecord, decimals: number, history?: OperationEventRow[]): OperationOut {
  const out: OperationOut = {
    id: op.id,
    fundId: op.fundId,
    chain: op.chain,
    kind: op.kind,
    state: op.state,
    body: formatBodyUnits(op.body, decimals) as Record<string, unknown>,
    requiresApproval: op.requiresApproval,
    requestedBy: op.requestedBy,
    approvedBy: op.approvedBy,
    txHash: op.txHash,
    explorerUrl: op.txHash ? (explorerUrl(op.chain, op.txHash) ?? null) : null,
    sequence: op.sequence?.toString() ?? null,
    block: op.block?.toString() ?? null,
    attempts: op.attempts,
    lastError: publicErrorOf(op.lastError ?? null),
    createdAt: iso(op.createdAt)!,
    updatedAt: iso(op.updatedAt)!,
  };
  if (history) {
    out.history = history.map((e) => ({ from: e.fromState, to: e.toState, at: iso(e.at)!, detail: withPublicError(e.detail ?? null) }));
  }
  return out;
}
