import type { ChainDriver, Deployment } from './driver.ts';
import type { ChainOperation } from './operation.ts';

// Multi-signature approvals (capability `multisigApprovals`): operations above the fund's
// maker-checker threshold land only with M of N approvers' signatures, checked by the chain
// itself. docs/architecture.md, "Multi-signature approvals".

export type { ApprovalPolicy, ApprovalProposal, ApprovalSignature, CollectedApproval } from './approval.ts';
import type { ApprovalPolicy, ApprovalProposal, ApprovalSignature } from './approval.ts';

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
