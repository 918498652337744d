import { Account, Keypair, Operation, TransactionBuilder, type Transaction, type xdr } from '@stellar/stellar-sdk';
import {
  FiscusError,
  type ApprovalPolicy,
  type ApprovalProposal,
  type ApprovalSignature,
  type CollectedApproval,
  type Deployment,
  type Signer,
} from '@fiscus/core';
import type { StellarDeployment } from './deployment.ts';
import type { StellarNetwork } from './network.ts';
import { signWith } from './sign.ts';

/**
 * Multi-signature approvals on Stellar: the issuing account's own signers and thresholds. The
 * platform's issuer key keeps weight 1 and the LOW threshold is 1, so it alone still authorizes
 * and freezes trustlines (SET_TRUST_LINE_FLAGS is a LOW operation); the MEDIUM and HIGH
 * thresholds are 1 + M, so a payment from the issuer (a mint), a clawback, a data entry or a
 * change of signers lands only with M approvers' signatures beside the platform's.
 * Thresholds are per operation class, not per amount: once on, EVERY medium operation of the
 * issuing account needs the approvers (docs/architecture.md "Multi-signature approvals").
 */
export interface StellarApprovals {
  /** Approvers' G… accounts (their keys stay on their devices). */
  approvers: string[];
  /** How many of them must sign (M). */
  threshold: number;
  /** Time bounds of a proposed transaction: how long approvers have to sign; default 24 h. */
  approvalTimeoutSec?: number;
}

export const DEFAULT_APPROVAL_TIMEOUT_SEC = 24 * 3600;
const APPROVER_WEIGHT = 1;
const PLATFORM_WEIGHT = 1;

export function checkApprovals(a: StellarApprovals): void {
  if (a.approvers.length === 0 || a.threshold < 1 || a.threshold > a.approvers.length) {
    throw new FiscusError('VALIDATION_FAILED', `approval threshold ${a.threshold} must be between 1 and the ${a.approvers.length} approvers`);
  }
  for (const k of a.approvers) {
    if (!isAccountId(k)) throw new FiscusError('INVALID_ADDRESS', `approver ${k} is not a Stellar account id (G…)`);
  }
  if (new Set(a.approvers).size !== a.approvers.length) throw new FiscusError('VALIDATION_FAILED', 'an approver is listed twice');
}

const isAccountId = (k: string) => {
  try {
    Keypair.fromPublicKey(k);
    return true;
  } catch {
    return false;
  }
};

/** Deployment details recording the fund's approvers (Deployment.details is string → string). */
export const approvalDetails = (a: StellarApprovals): Record<string, string> => ({ approvers: a.approvers.join(','), approvalThreshold: String(a.threshold) });

export function policyOf(d: Deployment): ApprovalPolicy | undefined {
  const { approvers, approvalThreshold } = d.details;
  if (!approvers || !approvalThreshold) return undefined;
  return { approvers: approvers.split(','), threshold: Number(approvalThreshold) };
}

/** Idempotent: adds the approvers as signers of the issuing account and sets its thresholds. */
export async function applyIssuerApprovers(net: StellarNetwork, d: StellarDeployment, issuer: Signer, a: StellarApprovals): Promise<void> {
  const account = await net.server.loadAccount(d.issuer);
  const weightOf = new Map(account.signers.map((s) => [s.key, s.weight]));
  const med = PLATFORM_WEIGHT + a.threshold * APPROVER_WEIGHT;
  const t = account.thresholds;
  const ops: xdr.Operation[] = a.approvers
    .filter((k) => weightOf.get(k) !== APPROVER_WEIGHT)
    .map((k) => Operation.setOptions({ signer: { ed25519PublicKey: k, weight: APPROVER_WEIGHT } }));
  if (t.low_threshold !== PLATFORM_WEIGHT || t.med_threshold !== med || t.high_threshold !== med || weightOf.get(d.issuer) !== PLATFORM_WEIGHT) {
    // Last: the thresholds rise only after every approver is a signer (one transaction anyway).
    ops.push(Operation.setOptions({ masterWeight: PLATFORM_WEIGHT, lowThreshold: PLATFORM_WEIGHT, medThreshold: med, highThreshold: med }));
  }
  if (ops.length === 0) return;
  const b = new TransactionBuilder(new Account(d.issuer, account.sequenceNumber()), {
    fee: String(net.maxFeePerOp),
    networkPassphrase: net.passphrase,
  }).setTimeout(net.txTimeoutSec);
  for (const op of ops) b.addOperation(op);
  const tx = b.build();
  await signWith(tx, issuer);
  await net.server.submitTransaction(tx, { skipMemoRequiredCheck: true });
}

/** The transaction approvers sign: built at the engine's sequence, unsigned, with long time bounds. */
export function proposeTransaction(
  net: StellarNetwork,
  d: StellarDeployment,
  p: { source: string; sequence: bigint; ops: xdr.Operation[]; policy: ApprovalPolicy; timeoutSec: number; description: string },
): ApprovalProposal {
  const maxTime = Math.floor(Date.now() / 1000) + p.timeoutSec;
  // The source is the issuer, or with role keys the role's account (its sequence; ops act on the issuer).
  const b = new TransactionBuilder(new Account(p.source, (p.sequence - 1n).toString()), {
    fee: String(net.maxFeePerOp),
    networkPassphrase: net.passphrase,
    timebounds: { minTime: 0, maxTime },
  });
  for (const op of p.ops) b.addOperation(op);
  const tx = b.build();
  return {
    scheme: 'stellar-tx',
    hash: Buffer.from(tx.hash()).toString('hex'),
    ...p.policy,
    payload: {
      envelopeXdr: tx.toEnvelope().toXDR('base64'),
      networkPassphrase: net.passphrase,
      source: p.source,
      sequence: p.sequence.toString(),
      validUntil: new Date(maxTime * 1000).toISOString(),
      description: p.description,
    },
  };
}

export function verifyStellarApproval(proposal: ApprovalProposal, s: ApprovalSignature): boolean {
  try {
    const sig = Buffer.from(s.signature.replace(/^0x/, ''), 'hex');
    return sig.length === 64 && Keypair.fromPublicKey(s.signer).verify(Buffer.from(proposal.hash, 'hex'), sig);
  } catch {
    return false;
  }
}

/**
 * The proposed transaction, signed by the platform's issuer key, with the approvers' signatures
 * decorated on it. Signatures do not change a Stellar transaction's hash: the bytes sent have the
 * hash the approvers signed, so exactly-once holds as for any prepared transaction.
 */
export async function signApprovedTransaction(
  net: StellarNetwork,
  approval: CollectedApproval,
  issuer: Signer,
): Promise<{ tx: Transaction; validUntil: Date }> {
  const { proposal } = approval;
  const tx = TransactionBuilder.fromXDR(String(proposal.payload.envelopeXdr), net.passphrase) as Transaction;
  if (Buffer.from(tx.hash()).toString('hex') !== proposal.hash) throw new FiscusError('INTERNAL', 'stored proposal does not hash to its recorded hash');
  const validUntil = new Date(String(proposal.payload.validUntil));
  // Signed bytes past their time bounds can never land, and re-signing would change the hash the
  // approvers signed: the operation fails (its sequence is released or filled) and is requested again.
  if (validUntil.getTime() <= Date.now()) {
    throw new FiscusError(
      'VALIDATION_FAILED',
      `the approved transaction expired at ${validUntil.toISOString()}: request the operation again for new signatures`,
    );
  }
  await signWith(tx, issuer);
  for (const s of approval.signatures) {
    if (!verifyStellarApproval(proposal, s)) throw new FiscusError('INTERNAL', `stored signature of ${s.signer} does not verify`);
    tx.addSignature(s.signer, Buffer.from(s.signature.replace(/^0x/, ''), 'hex').toString('base64'));
  }
  return { tx, validUntil };
}
