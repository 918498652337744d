import { FiscusError } from './errors.ts';
import { toJsonSafe } from './json.ts';

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
  // Lost wallet → new wallet of the same investor; `units` = the balance moved, for the books.
  | { kind: 'recover'; from: string; to: string; units: bigint }
  | { kind: 'pause' }
  | { kind: 'unpause' };

export type BatchOperation = { kind: 'batch'; items: SingleOperation[] };
export type DeployOperation = { kind: 'deploy' };

/**
 * Oracle writes: the fund's NAV (USD per whole unit = value / 10^scale, `round` = the NAV
 * publication's round, `at` = its unix seconds) and a proof-of-reserve attestation's sha-256
 * (hex). They touch no balance, so they never batch with token operations.
 */
export type OracleOperation =
  | { kind: 'publishNav'; value: bigint; scale: number; round: bigint; at: number }
  | { kind: 'publishAttestation'; hash: string; at: number };
export const isOracleOperation = (op: { kind: string }): op is OracleOperation => op.kind === 'publishNav' || op.kind === 'publishAttestation';

/**
 * Settlement: pays `usd` micro-dollars of the fund's settlement asset on the operation's chain
 * (core/src/settlement.ts converts to the stablecoin's decimals) from the platform's treasury to
 * `to`. It moves money, not units, so it never batches with token operations.
 */
export type PayoutOperation = { kind: 'payout'; to: string; usd: bigint };
export const isPayoutOperation = (op: { kind: string }): op is PayoutOperation => op.kind === 'payout';

/**
 * Key rotation (least privilege, issue 13): `newAddress` takes over `role` on the operation's
 * chain and the key holding it now loses it, in one transaction signed by the chain's admin
 * (deployer) key. The role is the chain's, not the fund's: every fund on the chain signs its
 * `role` operations with the new key once this is posted. It touches no balance.
 */
export const KEY_ROLES = ['minter', 'compliance', 'oracle'] as const;
export type KeyRole = (typeof KEY_ROLES)[number];
/** `oldAddress`: the key losing the role; absent = the one the driver signs `role` with now. */
export type KeyRotationOperation = { kind: 'rotateKey'; role: KeyRole; newAddress: string; oldAddress?: string };
export const isKeyRotationOperation = (op: { kind: string }): op is KeyRotationOperation => op.kind === 'rotateKey';

export type ChainOperation = SingleOperation | BatchOperation | OracleOperation | PayoutOperation | KeyRotationOperation;
/**
 * Consumes a nonce / sequence the engine allocated and can no longer use (its operation failed
 * before landing), so that no later transaction of the signer waits behind a gap. The row
 * carries the signer and sequence; the driver signs it with `fill`, never with `prepare`.
 */
export type SequenceFillOperation = { kind: 'fillSequence' };
export type OperationBody = ChainOperation | DeployOperation | SequenceFillOperation;
export type OperationKind = OperationBody['kind'];

export const OPERATION_KINDS = [
  'deploy',
  'authorize',
  'deauthorize',
  'freeze',
  'unfreeze',
  'mint',
  'burn',
  'forceTransfer',
  'recover',
  'pause',
  'unpause',
  'batch',
  'publishNav',
  'publishAttestation',
  'fillSequence',
  'payout',
  'rotateKey',
] as const satisfies readonly OperationKind[];

/**
 * Life of an operation row (docs/architecture.md "The operation pipeline"):
 * requested → approved → prepared → submitted → confirmed → posted | failed | compensated.
 * `requested` waits for a second approver; operations below the approval threshold start `approved`.
 */
export const OPERATION_STATES = ['requested', 'approved', 'prepared', 'submitted', 'confirmed', 'posted', 'failed', 'compensated'] as const;
export type OperationState = (typeof OPERATION_STATES)[number];

export const TERMINAL_STATES: readonly OperationState[] = ['posted', 'failed', 'compensated'];

/** States a worker can advance (every non-terminal state except awaiting approval). */
export const WORKABLE_STATES: readonly OperationState[] = ['approved', 'prepared', 'submitted', 'confirmed'];

/** JSON form of an operation body: bigint units travel as decimal strings of base units. */
export function operationToJson(op: OperationBody): Record<string, unknown> {
  return toJsonSafe(op) as Record<string, unknown>;
}

const UNIT_FIELDS = new Set(['units', 'value', 'round', 'usd']);

export function operationFromJson(json: unknown): OperationBody {
  return JSON.parse(JSON.stringify(json), (k, v) => (UNIT_FIELDS.has(k) && typeof v === 'string' ? BigInt(v) : v)) as OperationBody;
}

/** Flattens a batch so callers can reason about its single effects. */
export function singleOperations(op: ChainOperation): SingleOperation[] {
  // Chains without a NAV feed reach here with an oracle op: refusing is their capability answer.
  if (isOracleOperation(op)) {
    throw new FiscusError('CAPABILITY_UNSUPPORTED', `${op.kind} needs a chain with a NAV feed`, { meta: { kind: op.kind } });
  }
  if (isPayoutOperation(op)) {
    throw new FiscusError('CAPABILITY_UNSUPPORTED', 'payout needs a chain with a settlement asset', { meta: { kind: op.kind } });
  }
  if (isKeyRotationOperation(op)) {
    throw new FiscusError('CAPABILITY_UNSUPPORTED', 'rotateKey needs a chain whose keys hold separate roles', { meta: { kind: op.kind } });
  }
  return op.kind === 'batch' ? op.items : [op];
}
