import { readFileSync } from 'node:fs';
import { FiscusError, type Signer } from '@fiscus/core';
import { devSecp256k1Signer, feePolicyFromGwei, parseEvmFinality } from '@fiscus/chain-evm';
import { AvalancheDriver } from './driver/avalanche-driver.ts';
import type { AvalancheInfrastructure } from './infrastructure.ts';

export interface AvalancheSigners {
  operator: Signer;
  admin: Signer;
  allowListAdmin?: Signer;
  claimSigner?: Signer;
}

/** Default gas top-up: 1 coin when an onboarded wallet holds less than 0.1 coin. */
export const DEFAULT_TOP_UP = { amount: 10n ** 18n, threshold: 10n ** 17n };

/**
 * Builds an AvalancheDriver from environment variables:
 *   AVALANCHE_RPC_URL, AVALANCHE_CHAIN_ID,
 *   AVALANCHE_FINALITY (required: `finalized` = the L1's last accepted block, or a block depth),
 *   AVALANCHE_INFRASTRUCTURE (JSON) or AVALANCHE_INFRASTRUCTURE_FILE,
 *   AVALANCHE_TOPUP_WEI / AVALANCHE_TOPUP_THRESHOLD_WEI (gas top-up),
 * keys from `signers`, else AVALANCHE_OPERATOR_KEY / AVALANCHE_ADMIN_KEY / AVALANCHE_ALLOWLIST_ADMIN_KEY /
 * AVALANCHE_CLAIM_KEY (hex, in-memory dev signers: devnet only).
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
  };
  return new AvalancheDriver({
    chainId: BigInt(need('AVALANCHE_CHAIN_ID')),
    url: need('AVALANCHE_RPC_URL'),
    ...keys,
    infrastructure: infra,
    topUp: { amount: big('AVALANCHE_TOPUP_WEI', DEFAULT_TOP_UP.amount), threshold: big('AVALANCHE_TOPUP_THRESHOLD_WEI', DEFAULT_TOP_UP.threshold) },
    finality: parseEvmFinality(need('AVALANCHE_FINALITY'), 'AVALANCHE_FINALITY'),
    fees: feePolicyFromGwei(env.AVALANCHE_MAX_FEE_GWEI),
  });
}
