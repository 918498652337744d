import { getAddress, id, type JsonRpcProvider } from 'ethers';
import { FiscusError, type ApprovalPolicy, type ApprovalProposal, type Deployment, type FundSpec, type ProposalSequence } from '@fiscus/core';
import { abi } from '../contracts/abi.ts';
import type { AdminSender } from '../deploy/admin-tx.ts';
import { GATE_ROLE_IDS, throughGate } from '../roles/gate.ts';
import { readContract } from '../rpc/read.ts';
import { safeAbi } from './artifacts.ts';
import { ensureSafe, type SafeInfrastructure } from './infrastructure.ts';
import { proposeSafeTx, safeTxFor } from './safe-tx.ts';

/**
 * M-of-N approvals on an EVM chain: each fund gets a Safe owned by the approvers, which holds the
 * minting right (the gate's MINTER role when the chain has a FiscusAgentGate, else a T-REX agent
 * itself). A large operation is a SafeTx the approvers sign (EIP-712); the engine's executor key
 * sends execTransaction once the threshold is met, as an ordinary operation transaction.
 */
export interface EvmApprovals {
  /** Approvers' addresses: the Safe's owners. */
  owners: string[];
  threshold: number;
  safe: SafeInfrastructure;
}

export function checkEvmApprovals(a: EvmApprovals): void {
  if (a.owners.length === 0 || a.threshold < 1 || a.threshold > a.owners.length) {
    throw new FiscusError('VALIDATION_FAILED', `approval threshold ${a.threshold} must be between 1 and the ${a.owners.length} owners`);
  }
  const set = new Set(a.owners.map((o) => getAddress(o)));
  if (set.size !== a.owners.length) throw new FiscusError('VALIDATION_FAILED', 'a Safe owner is listed twice');
}

export function safePolicyOf(d: Deployment): ApprovalPolicy | undefined {
  const { safe, safeOwners, safeThreshold } = d.details;
  if (!safe || !safeOwners || !safeThreshold) return undefined;
  return { approvers: safeOwners.split(','), threshold: Number(safeThreshold) };
}

/** Creates (or finds) the fund's Safe and gives it the minting right; returns the deployment details to record. */
export async function ensureFundSafe(
  admin: AdminSender,
  a: EvmApprovals,
  p: { fund: FundSpec; token: string; gate?: string },
): Promise<Record<string, string>> {
  const owners = a.owners.map((o) => getAddress(o));
  const safe = await ensureSafe(admin, a.safe, { owners, threshold: a.threshold, salt: BigInt(id(`fiscus:${p.fund.id}`)) });
  if (p.gate) {
    if (!(await readContract<boolean>(admin.provider, abi.agentGate, p.gate, 'hasRole', [GATE_ROLE_IDS.minter, safe]))) {
      await admin.call(p.gate, abi.agentGate.encodeFunctionData('grantRole', [GATE_ROLE_IDS.minter, safe]));
    }
  } else if (!(await readContract<boolean>(admin.provider, abi.token, p.token, 'isAgent', [safe]))) {
    await admin.call(p.token, abi.token.encodeFunctionData('addAgent', [safe]));
  }
  return { safe, safeOwners: owners.join(','), safeThreshold: String(a.threshold) };
}

/** A proposal takes the Safe's next nonce, allocated by the engine like any sequence. */
export function safeProposalSequence(provider: JsonRpcProvider, d: Deployment): ProposalSequence {
  const safe = d.details.safe;
  if (!safe) throw new FiscusError('CAPABILITY_UNSUPPORTED', 'this deployment has no Safe');
  return { key: `safe:${safe}`, txSequence: false, chainNext: () => readContract<bigint>(provider, safeAbi.safe, safe, 'nonce') };
}

export function proposeSafeCall(
  p: { chainId: bigint; deployment: Deployment; gate?: string; sequence: bigint; description: string },
  inner: { to: string; data: string },
): ApprovalProposal {
  const policy = safePolicyOf(p.deployment);
  const safe = p.deployment.details.safe;
  if (!policy || !safe) throw new FiscusError('CAPABILITY_UNSUPPORTED', 'this deployment has no Safe');
  const call = p.gate ? throughGate(p.gate, inner) : inner;
  return proposeSafeTx(p.chainId, safe, safeTxFor(call, p.sequence), policy, p.description);
}
