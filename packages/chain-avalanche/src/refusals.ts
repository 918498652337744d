import { Transaction, hexlify, type JsonRpcProvider } from 'ethers';
import { FiscusError } from '@fiscus/core';
import { evmAbi } from '@fiscus/chain-evm';
import { gatekeeperAbi } from './contracts.ts';
import { PRECOMPILES } from './genesis.ts';
import { ROLE, readRole, type AllowListName } from './precompiles.ts';

/**
 * What a Subnet-EVM refusal does NOT say, read back with eth_call so the API can name the cause:
 *
 * - The tx pool checks the nonce and the balance BEFORE the TxAllowList (core/txpool/validation.go
 *   ValidateTransactionWithState): a signer with no coin and no role hears "insufficient funds",
 *   although funding it would only reach the allow-list refusal. `explainSubmitRefusal` reads the
 *   signer's role and names the allow list first.
 * - A precompile that refuses, or a creation refused by CanCreateContract, returns no data: inside
 *   the gatekeeper (or ONCHAINID's factory) that surfaces as a bare revert. `missingRoles` reads the
 *   roles the gatekeeper's transaction needs and names the one that is missing.
 */

const active = async (provider: JsonRpcProvider, list: AllowListName) => (await provider.getCode(PRECOMPILES[list])) !== '0x';

async function roleOf(provider: JsonRpcProvider, list: AllowListName, address: string): Promise<bigint | null> {
  return (await active(provider, list)) ? readRole(provider, list, address) : null;
}

/** An error from submitting `signer`'s transaction, with the allow list named when it is the real obstacle. */
export async function explainSubmitRefusal(provider: JsonRpcProvider, signer: string, error: FiscusError): Promise<FiscusError> {
  const text = [error.message, error.details].join(' | ');
  if (!/insufficient funds/i.test(text)) return error;
  const role = await roleOf(provider, 'txAllowList', signer).catch(() => null);
  if (role !== ROLE.None) return error;
  return new FiscusError('NOT_AUTHORIZED_ON_CHAIN', `${signer} is not on the L1's transaction allow list (nor funded for gas)`, {
    details: `Subnet-EVM checks the balance before the TxAllowList, so the node answered: ${error.details ?? error.message}. Funding alone will not help: an allow-list admin or manager must set ${signer} Enabled on ${PRECOMPILES.txAllowList}.`,
    cause: error,
    meta: { signer, list: 'txAllowList' },
  });
}

export interface GatekeeperNeeds {
  /** The transaction's signer: the operator (no agent gate) or the compliance key. */
  operator: string;
  /** How errors name the signer; default `operator`. */
  signerLabel?: string;
  gatekeeper: string;
  /** The transaction enables or disables wallets (TxAllowList Manager needed). */
  changesRoles: boolean;
  /** It may mint a gas top-up (NativeMinter role needed). */
  mints: boolean;
  /** It onboards a wallet, which creates its ONCHAINID identity (deployer role of the ORIGIN needed). */
  createsIdentity: boolean;
}

/** The first role the gatekeeper's transaction needs and lacks, as a FORBIDDEN error; null if none is missing. */
export async function missingRoles(provider: JsonRpcProvider, n: GatekeeperNeeds): Promise<FiscusError | null> {
  const lacks = (what: string, details: string, list: AllowListName, address: string) =>
    new FiscusError('FORBIDDEN', what, { details, meta: { list, address } });
  if (n.createsIdentity && (await roleOf(provider, 'contractDeployerAllowList', n.operator)) === ROLE.None) {
    return lacks(
      `the ${n.signerLabel ?? 'operator'} ${n.operator} is not on the L1's contract deployer allow list`,
      "Onboarding creates the investor's ONCHAINID identity (CREATE2) inside the signer's transaction (the operator's, or the compliance key's through the agent gate), and Subnet-EVM refuses any creation whose tx.origin has no ContractDeployerAllowList role (params/hooks_libevm.go). An allow-list admin must set it Enabled on 0x0200…0000.",
      'contractDeployerAllowList',
      n.operator,
    );
  }
  if (n.changesRoles) {
    const r = await roleOf(provider, 'txAllowList', n.gatekeeper);
    if (r !== null && r !== ROLE.Manager && r !== ROLE.Admin) {
      return lacks(
        `the gatekeeper ${n.gatekeeper} may not change the L1's transaction allow list`,
        'It must be Manager (or Admin) of TxAllowList 0x0200…0002.',
        'txAllowList',
        n.gatekeeper,
      );
    }
  }
  if (n.mints && (await roleOf(provider, 'contractNativeMinter', n.gatekeeper)) === ROLE.None) {
    return lacks(
      `the gatekeeper ${n.gatekeeper} may not mint the gas top-up`,
      'It must be Enabled on the NativeMinter 0x0200…0001.',
      'contractNativeMinter',
      n.gatekeeper,
    );
  }
  return null;
}

/**
 * What a signed gatekeeper transaction needs, read from its calldata (for status() after the fact):
 * a call of the gatekeeper by the operator (a record without a gate), or of the agent gate
 * forwarding to the gatekeeper (the compliance key, with one). The signer is the transaction's
 * (named `operator` when it is the operator key, the default holder of every role).
 */
export function needsOf(raw: Uint8Array, gatekeeper: string, agentGate: string | undefined, operator: string): GatekeeperNeeds | null {
  const tx = Transaction.from(hexlify(raw));
  const to = tx.to?.toLowerCase();
  let data = tx.data;
  const viaGate = !!agentGate && to === agentGate.toLowerCase();
  if (viaGate) {
    const [target, forwarded] = evmAbi.agentGate.decodeFunctionData('execute', tx.data) as unknown as [string, string];
    if (target.toLowerCase() !== gatekeeper.toLowerCase()) return null;
    data = forwarded;
  } else if (to !== gatekeeper.toLowerCase()) {
    return null;
  }
  const args = gatekeeperAbi().decodeFunctionData('execute', data);
  const { from } = tx;
  if (!from) return null;
  const grant = args[3] as string[];
  const revoke = args[4] as string[];
  return {
    operator: from,
    signerLabel: viaGate && from !== operator ? 'compliance key' : 'operator',
    gatekeeper,
    changesRoles: grant.length + revoke.length > 0,
    mints: grant.length > 0 && (args[6] as bigint) > 0n,
    createsIdentity: grant.length > 0,
  };
}
