import type { ChainDriver, Deployment } from './driver.ts';
import type { ChainOperation } from './operation.ts';

// Multi-signature approvals (capability `multisigApprovals`): operations above the fund's
// maker-checker threshold land only with M of N approvers' signatures, checked by the chain
// itself. docs/architecture.md, "Multi-signature approvals".

/** Who approves large operations of one fund on one chain, and how many of them must sign. */
export interface ApprovalPolicy {
  /** Chain addresses of the approvers' keys (Stellar G… accounts, EVM Safe owners). */
  approvers: string[];
  threshold: number;
}

/**
 * What the approvers sign. `stellar-tx`: ed25519 over the transaction hash; `safe-tx`: secp256k1
 * over the Safe's EIP-712 SafeTx hash (65 bytes r‖s‖v, v = 27/28). `payload` is what an approver's
 * device shows and re-hashes before signing (the envelope XDR, or the SafeTx typed data).
 */
export interface ApprovalProposal extends ApprovalPolicy {
  scheme: 'stellar-tx' | 'safe-tx';
  /** Hex, no 0x prefix for Stellar, 0x-prefixed for EVM: the bytes to sign. */
  hash: string;
  payload: Record<string, unknown>;
}

export interface ApprovalSignature {
  signer: string;
  /** Hex (0x-prefixed or not). */
  signature: string;
}

export interface CollectedApproval {
  proposal: ApprovalProposal;
  signatures: ApprovalSignature[];
}

/**
 * Which sequence a proposal consumes: the engine allocates it under its database lock, as for
 * any transaction. `txSequence` true: it is the transaction's own sequence (Stellar: the approvers
 * sign the whole transaction, sequence included), held on the operation row; false: another
 * counter (a Safe's nonce), the transaction sending it takes its own nonce at prepare.
 */
export interface ProposalSequence {
  key: string;
  txSequence: boolean;
  chainNext(): Promise<bigint>;
}

export interface MultisigApprovals {
  /** The deployment's approvers and threshold; undefined when the fund has none on this chain. */
  approvalPolicy(deployment: Deployment): ApprovalPolicy | undefined;
  proposalSequence(op: ChainOperation, deployment: Deployment): ProposalSequence;
  /** Builds what the approvers sign, at `sequence` (see ProposalSequence). No signature, nothing sent. */
  propose(op: ChainOperation, ctx: { deployment: Deployment; sequence: bigint }): Promise<ApprovalProposal>;
  /** Whether `signature` is `signer`'s over `proposal.hash` (membership is checked by the caller). */
  verifyApproval(proposal: ApprovalProposal, signature: ApprovalSignature): boolean;
}

export function multisigApprovalsOf(driver: ChainDriver): MultisigApprovals | undefined {
  const d = driver as ChainDriver & Partial<MultisigApprovals>;
  return driver.capabilities.multisigApprovals && d.propose && d.verifyApproval && d.approvalPolicy && d.proposalSequence
    ? (d as MultisigApprovals)
    : undefined;
}

/** Membership, count and duplicates of a set of signatures against a policy, before any crypto. */
export function thresholdMet(policy: ApprovalPolicy, signatures: readonly ApprovalSignature[]): boolean {
  const distinct = new Set(signatures.filter((s) => policy.approvers.includes(s.signer)).map((s) => s.signer));
  return distinct.size >= policy.threshold;
}
