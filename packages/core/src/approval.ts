// What approvers of a multi-signature operation sign and send (docs/architecture.md,
// "Multi-signature approvals"); apart from multisig.ts so driver.ts can name it without a cycle.

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
