import { readFileSync } from 'node:fs';
import { safeApprovalsFromEnv } from './safe/infrastructure.ts';
import { FiscusError, KEY_ROLES, type KeyRole, type Signer } from '@fiscus/core';
import type { EvmInfrastructure } from './deploy/infrastructure.ts';
import { EvmDriver } from './driver/evm-driver.ts';
import { parseEvmFinality } from './driver/finality.ts';
import { feePolicyFromGwei } from './rpc/fees.ts';
import { devSecp256k1Signer } from './signer/dev-signer.ts';

export interface EvmSigners {
  operator: Signer;
  admin: Signer;
  claimSigner?: Signer;
  /** Keys per agent-gate role (current first, then a rotation's target); default: the operator. */
  roleKeys?: Partial<Record<KeyRole, Signer[]>>;
}

/** `EVM_<ROLE>_KEY` then `EVM_<ROLE>_NEXT_KEY` (hex): dev signers per role, devnet only. */
export function roleKeysFromEnv(env: NodeJS.ProcessEnv): Partial<Record<KeyRole, Signer[]>> {
  const keys: Partial<Record<KeyRole, Signer[]>> = {};
  for (const role of KEY_ROLES) {
    const names = [`EVM_${role.toUpperCase()}_KEY`, `EVM_${role.toUpperCase()}_NEXT_KEY`];
    const list = names.flatMap((n) => (env[n] ? [devSecp256k1Signer(env[n]!)] : []));
    if (list.length) keys[role] = list;
  }
  return keys;
}

/**
 * Builds an EvmDriver from environment variables:
 *   ETHEREUM_RPC_URL, ETHEREUM_CHAIN_ID,
 *   EVM_FINALITY (required: `finalized` = the node's finalized block, or a block depth; a real
 *   network has no safe default, and 0 would let a reorg undo a "final" burn),
 *   EVM_INFRASTRUCTURE (JSON) or EVM_INFRASTRUCTURE_FILE (path to the JSON ensureInfrastructure wrote),
 *   EVM_REDEMPTION_ADDRESS (optional; default the admin key's address),
 *   EVM_MAX_FEE_GWEI (optional; the fee cap of operation transactions, default 1000 gwei),
 * and the keys: pass `signers` from the keystore; without it EVM_OPERATOR_KEY / EVM_ADMIN_KEY /
 * EVM_CLAIM_KEY and the role keys EVM_{MINTER,COMPLIANCE,ORACLE}[_NEXT]_KEY (hex) are read into
 * in-memory dev signers, which is only acceptable on a devnet.
 */
export function evmDriverFromEnv(env: NodeJS.ProcessEnv, signers?: EvmSigners): EvmDriver {
  const need = (k: string) => {
    const v = env[k];
    if (!v) throw new FiscusError('CHAIN_NOT_CONFIGURED', `${k} is not set`);
    return v;
  };
  const infraJson = env.EVM_INFRASTRUCTURE ?? readFileSync(need('EVM_INFRASTRUCTURE_FILE'), 'utf8');
  const keys = signers ?? {
    operator: devSecp256k1Signer(need('EVM_OPERATOR_KEY')),
    admin: devSecp256k1Signer(need('EVM_ADMIN_KEY')),
    claimSigner: env.EVM_CLAIM_KEY ? devSecp256k1Signer(env.EVM_CLAIM_KEY) : undefined,
    roleKeys: roleKeysFromEnv(env),
  };
  return new EvmDriver({
    chainId: BigInt(need('ETHEREUM_CHAIN_ID')),
    url: need('ETHEREUM_RPC_URL'),
    ...keys,
    infrastructure: JSON.parse(infraJson) as EvmInfrastructure,
    finality: parseEvmFinality(need('EVM_FINALITY'), 'EVM_FINALITY'),
    fees: feePolicyFromGwei(env.EVM_MAX_FEE_GWEI),
    redemptionAddress: env.EVM_REDEMPTION_ADDRESS || undefined,
    ...safeApprovalsFromEnv(env),
  });
}
