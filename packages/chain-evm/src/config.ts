import { readFileSync } from 'node:fs';
import { FiscusError, type Signer } from '@fiscus/core';
import type { EvmInfrastructure } from './deploy/infrastructure.ts';
import { EvmDriver } from './driver/evm-driver.ts';
import { parseEvmFinality } from './driver/finality.ts';
import { feePolicyFromGwei } from './rpc/fees.ts';
import { devSecp256k1Signer } from './signer/dev-signer.ts';

export interface EvmSigners {
  operator: Signer;
  admin: Signer;
  claimSigner?: Signer;
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
 * EVM_CLAIM_KEY (hex) are read into in-memory dev signers, which is only acceptable on a devnet.
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
  };
  return new EvmDriver({
    chainId: BigInt(need('ETHEREUM_CHAIN_ID')),
    url: need('ETHEREUM_RPC_URL'),
    ...keys,
    infrastructure: JSON.parse(infraJson) as EvmInfrastructure,
    finality: parseEvmFinality(need('EVM_FINALITY'), 'EVM_FINALITY'),
    fees: feePolicyFromGwei(env.EVM_MAX_FEE_GWEI),
    redemptionAddress: env.EVM_REDEMPTION_ADDRESS || undefined,
  });
}
