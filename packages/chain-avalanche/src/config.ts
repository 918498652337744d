import { readFileSync } from 'node:fs';
import { FiscusError, KEY_ROLES, type KeyRole, type Signer } from '@fiscus/core';
import { devSecp256k1Signer, feePolicyFromGwei, parseEvmFinality, type EvmApprovals } from '@fiscus/chain-evm';
import { AvalancheDriver } from './driver/avalanche-driver.ts';
import type { AvalancheInfrastructure } from './infrastructure.ts';

export interface AvalancheSigners {
  operator: Signer;
  admin: Signer;
  allowListAdmin?: Signer;
  claimSigner?: Signer;
  /** Gate role keys (infrastructure with an agentGate): first the current key, then a rotation's target. */
  roleKeys?: Partial<Record<KeyRole, Signer[]>>;
}

/** AVALANCHE_<ROLE>_KEY then AVALANCHE_<ROLE>_NEXT_KEY (hex, in-memory dev signers), as chain-evm's roleKeysFromEnv. */
export function avalancheRoleKeysFromEnv(env: NodeJS.ProcessEnv): Partial<Record<KeyRole, Signer[]>> {
  const keys: Partial<Record<KeyRole, Signer[]>> = {};
  for (const role of KEY_ROLES) {
    const names = [`AVALANCHE_${role.toUpperCase()}_KEY`, `AVALANCHE_${role.toUpperCase()}_NEXT_KEY`];
    const list = names.flatMap((n) => (env[n] ? [devSecp256k1Signer(env[n]!)] : []));
    if (list.length) keys[role] = list;
  }
  return keys;
}

/** Default gas top-up: 1 coin when an onboarded wallet holds less than 0.1 coin. */
export const DEFAULT_TOP_UP = { amount: 10n ** 18n, threshold: 10n ** 17n };

/**
 * AVALANCHE_SAFE_OWNERS (comma-separated approver addresses), AVALANCHE_SAFE_THRESHOLD,
 * AVALANCHE_SAFE_SINGLETON, AVALANCHE_SAFE_PROXY_FACTORY (the Safe contracts on the L1), as
 * chain-evm's EVM_SAFE_*. Unset owners: no approvals.
 */
export function avalancheSafeApprovalsFromEnv(env: NodeJS.ProcessEnv): { approvals?: EvmApprovals } {
  if (!env.AVALANCHE_SAFE_OWNERS) return {};
  const need = (k: string) => {
    const v = env[k];
    if (!v) throw new FiscusError('CHAIN_NOT_CONFIGURED', `${k} is not set (required with AVALANCHE_SAFE_OWNERS)`);
    return v;
  };
  return {
    approvals: {
      owners: env.AVALANCHE_SAFE_OWNERS.split(','),
      threshold: Number(need('AVALANCHE_SAFE_THRESHOLD')),
      safe: { singleton: need('AVALANCHE_SAFE_SINGLETON'), proxyFactory: need('AVALANCHE_SAFE_PROXY_FACTORY') },
    },
  };
}

/**
 * Builds an AvalancheDriver from environment variables:
 *   AVALANCHE_RPC_URL, AVALANCHE_CHAIN_ID,
 *   AVALANCHE_FINALITY (required: `finalized` = the L1's last accepted block, or a block depth),
 *   AVALANCHE_INFRASTRUCTURE (JSON) or AVALANCHE_INFRASTRUCTURE_FILE,
 *   AVALANCHE_TOPUP_WEI / AVALANCHE_TOPUP_THRESHOLD_WEI (gas top-up),
 *   AVALANCHE_SAFE_OWNERS / _THRESHOLD / _SINGLETON / _PROXY_FACTORY (Safe approvals, optional),
 * keys from `signers`, else AVALANCHE_OPERATOR_KEY / AVALANCHE_ADMIN_KEY / AVALANCHE_ALLOWLIST_ADMIN_KEY /
 * AVALANCHE_CLAIM_KEY and the gate role keys AVALANCHE_{MINTER,COMPLIANCE,ORACLE}(_NEXT)_KEY
 * (hex, in-memory dev signers: devnet only).
 */
export function avalancheDriverFromEnv(env: NodeJS.ProcessEnv, signers?: AvalancheSigners): AvalancheDriver {
  const need = (k: string) => {
    const v = env[k];
    if (!v) throw new FiscusError('CHAIN_NOT_CONFIGURED', `${k} is not set`);
    return v;
  };
  const big = (k: string, d: bigint) => {
    const v = env[k];
    if (v === undefined || v === '') return d;
    if (!/^\d+$/.test(v)) throw new FiscusError('VALIDATION_FAILED', `${k} must be a whole number of wei, got ${v}`);
    return BigInt(v);
  };
  const infra = JSON.parse(env.AVALANCHE_INFRASTRUCTURE ?? readFileSync(need('AVALANCHE_INFRASTRUCTURE_FILE'), 'utf8')) as AvalancheInfrastructure;
  const keys = signers ?? {
    operator: devSecp256k1Signer(need('AVALANCHE_OPERATOR_KEY')),
    admin: devSecp256k1Signer(need('AVALANCHE_ADMIN_KEY')),
    allowListAdmin: env.AVALANCHE_ALLOWLIST_ADMIN_KEY ? devSecp256k1Signer(env.AVALANCHE_ALLOWLIST_ADMIN_KEY) : undefined,
    claimSigner: env.AVALANCHE_CLAIM_KEY ? devSecp256k1Signer(env.AVALANCHE_CLAIM_KEY) : undefined,
    roleKeys: avalancheRoleKeysFromEnv(env),
  };
  return new AvalancheDriver({
    chainId: BigInt(need('AVALANCHE_CHAIN_ID')),
    url: need('AVALANCHE_RPC_URL'),
    ...keys,
    infrastructure: infra,
    topUp: { amount: big('AVALANCHE_TOPUP_WEI', DEFAULT_TOP_UP.amount), threshold: big('AVALANCHE_TOPUP_THRESHOLD_WEI', DEFAULT_TOP_UP.threshold) },
    finality: parseEvmFinality(need('AVALANCHE_FINALITY'), 'AVALANCHE_FINALITY'),
    fees: feePolicyFromGwei(env.AVALANCHE_MAX_FEE_GWEI),
    ...avalancheSafeApprovalsFromEnv(env),
  });
}
