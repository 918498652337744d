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

export const ApprovalSignatureIn = z
  .object({
    signer: z.string().min(1).max(100).openapi({ description: "The approver's address (Stellar G… account, EVM Safe owner)" }),
    signature: z
      .string()
      .regex(/^(0x)?[0-9a-fA-F]{128,130}$/, 'hex: 64 bytes (ed25519) or 65 bytes r‖s‖v (secp256k1)')
      .openapi({ description: 'Over the proposal hash: ed25519 (64 bytes) on Stellar, secp256k1 r‖s‖v (65 bytes, v 27/28) on EVM' }),
  })
  .openapi('ApprovalSignatureIn');

export const ApprovalSchema = z
  .object({
    operationId: z.string(),
    state: z.string().openapi({ example: 'requested' }),
    scheme: z.enum(['stellar-tx', 'safe-tx']),
    hash: z.string().openapi({ description: 'What each approver signs' }),
    approvers: z.array(z.string()),
    threshold: z.int(),
    payload: z.record(z.string(), z.unknown()).openapi({ description: 'Stellar: envelope XDR and network passphrase; EVM: the SafeTx EIP-712 typed data' }),
    signatures: z.array(z.object({ signer: z.string(), signature: z.string(), at: Timestamp })),
  })
  .openapi('Approval');
export type ApprovalOut = z.infer<typeof ApprovalSchema>;

export function presentApproval(a: {
  operation: { id: string; state: string };
  proposal: { scheme: 'stellar-tx' | 'safe-tx'; hash: string; approvers: string[]; threshold: number; payload: Record<string, unknown> };
  signatures: { signer: string; signature: string; createdAt: Date }[];
}): ApprovalOut {
  return {
    operationId: a.operation.id,
    state: a.operation.state,
    scheme: a.proposal.scheme,
    hash: a.proposal.hash,
    approvers: a.proposal.approvers,
    threshold: a.proposal.threshold,
    payload: a.proposal.payload,
    signatures: a.signatures.map((s) => ({ signer: s.signer, signature: s.signature, at: iso(s.createdAt)! })),
  };
}

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
