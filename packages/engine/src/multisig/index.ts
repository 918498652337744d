export { multisigFor, proposeApproval, proposalOf, type ApprovalRow } from './propose.ts';
export { addApprovalSignature, approvalState, collectedApproval, type ApprovalState, type SignatureRow } from './signatures.ts';
