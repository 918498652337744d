import type { ChainId } from './chain-id.ts';

/**
 * What an operation does, chain-agnostically. Addresses are already validated for the
 * operation's chain; units are bigint base units at the fund's decimals.
 */
export type SingleOperation =
  | { kind: 'authorize'; address: string; investorId: string; country: number }
  | { kind: 'deauthorize'; address: string }
  | { kind: 'freeze'; address: string; units?: bigint }
  | { kind: 'unfreeze'; address: string; units?: bigint }
  | { kind: 'mint'; to: string; units: bigint }
  | { kind: 'burn'; from: string; units: bigint }
  | { kind: 'forceTransfer'; from: string; to: string; units: bigint }
  | { kind: 'pause' }
  | { kind: 'unpause' };

export type BatchOperation = { kind: 'batch'; items: SingleOperation[] };
export type DeployOperation = { kind: 'deploy' };

export type ChainOperation = SingleOperation | BatchOperation;
export type OperationBody = ChainOperation | DeployOperation;
export type OperationKind = OperationBody['kind'];

export const OPERATION_KINDS = [
  'deploy', 'authorize', 'deauthorize', 'freeze', 'unfreeze', 'mint', 'burn',
  'forceTransfer', 'pause', 'unpause', 'batch',
] as const satisfies readonly OperationKind[];

/**
 * Life of an operation row (DESIGN.md "The operation pipeline"):
 * requested → approved → prepared → submitted → confirmed → posted | failed | compensated.
 * `requested` waits for a second approver; operations below the approval threshold start `approved`.
 */
export const OPERATION_STATES = [
  'requested', 'approved', 'prepared', 'submitted', 'confirmed', 'posted', 'failed', 'compensated',
] as const;
export type OperationState = (typeof OPERATION_STATES)[number];

export const TERMINAL_STATES: readonly OperationState[] = ['posted', 'failed', 'compensated'];

/** States a worker can advance (every non-terminal state except awaiting approval). */
export const WORKABLE_STATES: readonly OperationState[] = ['approved', 'prepared', 'submitted', 'confirmed'];

export interface OperationRef {
  id: string;
  fundId: string;
  chain: ChainId;
}

/** JSON form of an operation body: bigint units travel as decimal strings of base units. */
export function operationToJson(op: OperationBody): Record<string, unknown> {
  return JSON.parse(JSON.stringify(op, (_k, v) => (typeof v === 'bigint' ? v.toString() : v)));
}

const UNIT_FIELDS = new Set(['units']);

export function operationFromJson(json: unknown): OperationBody {
  return JSON.parse(JSON.stringify(json), (k, v) =>
    UNIT_FIELDS.has(k) && typeof v === 'string' ? BigInt(v) : v,
  ) as OperationBody;
}

/** Flattens a batch so callers can reason about its single effects. */
export function singleOperations(op: ChainOperation): SingleOperation[] {
  return op.kind === 'batch' ? op.items : [op];
}
