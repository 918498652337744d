import { Signature, TypedDataEncoder, ZeroAddress, getAddress, recoverAddress, type TypedDataField } from 'ethers';
import { FiscusError, type ApprovalPolicy, type ApprovalProposal, type ApprovalSignature, type CollectedApproval } from '@fiscus/core';
import { safeAbi } from './artifacts.ts';

/** EIP-712 SafeTx of Safe ≥ 1.3 (domain: chainId + verifyingContract). */
const SAFE_TX_TYPES: Record<string, TypedDataField[]> = {
  SafeTx: [
    { name: 'to', type: 'address' },
    { name: 'value', type: 'uint256' },
    { name: 'data', type: 'bytes' },
    { name: 'operation', type: 'uint8' },
    { name: 'safeTxGas', type: 'uint256' },
    { name: 'baseGas', type: 'uint256' },
    { name: 'gasPrice', type: 'uint256' },
    { name: 'gasToken', type: 'address' },
    { name: 'refundReceiver', type: 'address' },
    { name: 'nonce', type: 'uint256' },
  ],
};

/** JSON form: numbers as decimal strings, so the typed data travels as is to an approver's wallet. */
export interface SafeTx {
  to: string;
  value: string;
  data: string;
  operation: number;
  safeTxGas: string;
  baseGas: string;
  gasPrice: string;
  gasToken: string;
  refundReceiver: string;
  nonce: string;
}

/**
 * A plain CALL with no gas refund: the executor (a platform key, through the engine) pays gas,
 * and with safeTxGas 0 a failing inner call reverts the whole execTransaction, so the engine sees
 * a failed transaction rather than a Safe nonce consumed with nothing done.
 */
export function safeTxFor(call: { to: string; data: string }, nonce: bigint): SafeTx {
  return {
    to: getAddress(call.to),
    value: '0',
    data: call.data,
    operation: 0,
    safeTxGas: '0',
    baseGas: '0',
    gasPrice: '0',
    gasToken: ZeroAddress,
    refundReceiver: ZeroAddress,
    nonce: nonce.toString(),
  };
}

export function safeTypedData(chainId: bigint, safe: string, tx: SafeTx) {
  return {
    domain: { chainId: chainId.toString(), verifyingContract: getAddress(safe) },
    types: SAFE_TX_TYPES,
    primaryType: 'SafeTx',
    message: tx,
  };
}

export function proposeSafeTx(chainId: bigint, safe: string, tx: SafeTx, policy: ApprovalPolicy, description: string): ApprovalProposal {
  const typed = safeTypedData(chainId, safe, tx);
  return {
    scheme: 'safe-tx',
    hash: TypedDataEncoder.hash(typed.domain, typed.types, typed.message),
    ...policy,
    payload: { safe: getAddress(safe), typedData: typed, description },
  };
}

/** 65 bytes r‖s‖v over the SafeTx hash itself (v 27/28: Safe's "ECDSA over the hash" kind). */
export function verifySafeApproval(proposal: ApprovalProposal, s: ApprovalSignature): boolean {
  try {
    const sig = normalized(s.signature);
    return recoverAddress(proposal.hash, sig).toLowerCase() === s.signer.toLowerCase();
  } catch {
    return false;
  }
}

const normalized = (hex: string) => {
  const sig = Signature.from(hex.startsWith('0x') ? hex : `0x${hex}`);
  return sig.serialized; // canonical r‖s‖v with v 27/28
};

/** execTransaction(...) carrying the owners' signatures sorted by owner address, as the Safe checks them. */
export function execTransactionCall(approval: CollectedApproval): { to: string; data: string } {
  const { proposal, signatures } = approval;
  const safe = String(proposal.payload.safe);
  const tx = (proposal.payload.typedData as { message: SafeTx }).message;
  if (signatures.length < proposal.threshold) {
    throw new FiscusError('CONFLICT', `${signatures.length} of ${proposal.threshold} signatures: the Safe transaction cannot execute yet`);
  }
  const sorted = [...signatures].sort((a, b) => (BigInt(a.signer) < BigInt(b.signer) ? -1 : 1));
  const packed = `0x${sorted.map((s) => normalized(s.signature).slice(2)).join('')}`;
  const data = execTransactionData(tx, packed);
  return { to: safe, data };
}

/** The calldata of `execTransaction` for a SafeTx and its owners' packed signatures (65 bytes each, by owner). */
export function execTransactionData(tx: SafeTx, packedSignatures: string): string {
  return safeAbi.safe.encodeFunctionData('execTransaction', [
    tx.to,
    tx.value,
    tx.data,
    tx.operation,
    tx.safeTxGas,
    tx.baseGas,
    tx.gasPrice,
    tx.gasToken,
    tx.refundReceiver,
    packedSignatures,
  ]);
}
