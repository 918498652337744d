import { z } from 'zod';
import { finality, maxFeeGwei } from '../ethereum/config.ts';

const hexKey = z.string().regex(/^(0x)?[0-9a-fA-F]{64}$/, 'must be a 32-byte hex private key');
const wei = z.string().regex(/^\d{1,78}$/, 'must be a whole number of wei');

/**
 * Avalanche L1 settings, spread into config.ts's schema. `local` = the Subnet-EVM stand-in in this
 * process (anvil from the platform's genesis behind the allow-list gate), signing with PUBLIC dev
 * keys; `rpc` = an existing L1 (its RPC URL, chain id, keys and the infrastructure record);
 * `none` = no Avalanche chain.
 */
export const AVALANCHE_CONFIG = {
  AVALANCHE_NETWORK: z.enum(['local', 'rpc', 'none']).default('local'),
  /** `rpc`: the L1's RPC (…/ext/bc/<blockchainId>/rpc). `local`: an already running stand-in instead of starting one. */
  AVALANCHE_RPC_URL: z.url().optional(),
  /** The L1's EVM chain id (genesis config.chainId). `rpc`: required. `local`: default 99999. */
  AVALANCHE_CHAIN_ID: z
    .string()
    .regex(/^[1-9][0-9]{0,15}$/, 'must be a positive integer')
    .optional(),
  /** `finalized` (the L1's last accepted block: Snowman finality) or a block depth. `rpc`: required. `local`: default 0. */
  AVALANCHE_FINALITY: finality.optional(),
  /** Highest fee per gas (whole gwei) an operation transaction bids on the L1 (EVM_MAX_FEE_GWEI's rule). Default 1000. */
  AVALANCHE_MAX_FEE_GWEI: maxFeeGwei.optional(),
  AVALANCHE_INFRASTRUCTURE: z.string().min(2).optional(),
  AVALANCHE_INFRASTRUCTURE_FILE: z.string().min(1).optional(),
  /** Plaintext hex keys: refused when AVALANCHE_NETWORK=rpc (set AVALANCHE_*_SIGNER, see signer-config.ts); `local` signs with PUBLIC dev keys. Operator signs engine operations, admin deploys (the only deployer). */
  AVALANCHE_OPERATOR_KEY: hexKey.optional(),
  AVALANCHE_ADMIN_KEY: hexKey.optional(),
  /** Admin of TxAllowList / ContractDeployerAllowList / NativeMinter (role changes only). */
  AVALANCHE_ALLOWLIST_ADMIN_KEY: hexKey.optional(),
  AVALANCHE_CLAIM_KEY: hexKey.optional(),
  /**
   * Role keys on the L1's agent gate (local networks; signer-config.ts has the `*_SIGNER` forms):
   * minting, compliance (also onboarding + allow list), oracle. Unset: the operator key holds the
   * role. `*_NEXT_KEY`: a rotation's target. Allow-listed and funded at start by the allow-list admin.
   */
  AVALANCHE_MINTER_KEY: hexKey.optional(),
  AVALANCHE_COMPLIANCE_KEY: hexKey.optional(),
  AVALANCHE_ORACLE_KEY: hexKey.optional(),
  AVALANCHE_MINTER_NEXT_KEY: hexKey.optional(),
  AVALANCHE_COMPLIANCE_NEXT_KEY: hexKey.optional(),
  AVALANCHE_ORACLE_NEXT_KEY: hexKey.optional(),
  /**
   * Multi-signature approvals on the L1, as EVM_SAFE_*: the approvers' addresses (comma-separated).
   * Each fund deployed with them gets a Safe they own (AVALANCHE_SAFE_THRESHOLD of them), holding the
   * agent gate's MINTER role; large operations then need that many owners' signatures.
   */
  AVALANCHE_SAFE_OWNERS: z
    .string()
    .regex(/^0x[0-9a-fA-F]{40}(,0x[0-9a-fA-F]{40})*$/, 'must be comma-separated 0x… EVM addresses')
    .optional(),
  AVALANCHE_SAFE_THRESHOLD: z
    .string()
    .regex(/^[1-9][0-9]?$/, 'must be a whole number (1-99)')
    .optional(),
  /** The Safe singleton and proxy factory on the L1 (`rpc`: required with owners; `local`: deployed at start). */
  AVALANCHE_SAFE_SINGLETON: z
    .string()
    .regex(/^0x[0-9a-fA-F]{40}$/, 'must be a 0x… EVM address')
    .optional(),
  AVALANCHE_SAFE_PROXY_FACTORY: z
    .string()
    .regex(/^0x[0-9a-fA-F]{40}$/, 'must be a 0x… EVM address')
    .optional(),
  /** Gas coin minted to an onboarded wallet whose balance is below the threshold (default 1 coin below 0.1). */
  AVALANCHE_TOPUP_WEI: wei.default('1000000000000000000'),
  AVALANCHE_TOPUP_THRESHOLD_WEI: wei.default('100000000000000000'),
  /** `local`: the gate's port (0 = any free port) and anvil's state file (default <data dir>/../avalanche-l1-state.json). */
  AVALANCHE_LOCAL_PORT: z.coerce.number().int().min(0).max(65_535).default(0),
  AVALANCHE_LOCAL_STATE: z.string().min(1).optional(),
  /** P-Chain API for L1 provisioning (POST /v1/avalanche/l1s). `local` without it: the in-process P-Chain stand-in. */
  AVALANCHE_PCHAIN_URL: z.url().optional(),
  /** secp256k1 key paying P-Chain fees and owning provisioned subnets (hex, in memory; `local` default: a PUBLIC dev key). */
  AVALANCHE_PCHAIN_KEY: hexKey.optional(),
};

const AvalancheConfigSchema = z.object(AVALANCHE_CONFIG);
export type AvalancheConfig = z.infer<typeof AvalancheConfigSchema>;

/** An existing L1 never gets a default key or contract set: each missing one is named. */
export function checkAvalancheConfig(c: AvalancheConfig, need: (key: string, why: string) => void): void {
  if (c.AVALANCHE_SAFE_OWNERS) {
    const n = c.AVALANCHE_SAFE_OWNERS.split(',').length;
    if (!c.AVALANCHE_SAFE_THRESHOLD || Number(c.AVALANCHE_SAFE_THRESHOLD) > n) {
      need('AVALANCHE_SAFE_THRESHOLD', `required with AVALANCHE_SAFE_OWNERS: between 1 and its ${n} owners`);
    }
    if (c.AVALANCHE_NETWORK === 'rpc' && (!c.AVALANCHE_SAFE_SINGLETON || !c.AVALANCHE_SAFE_PROXY_FACTORY)) {
      need(
        'AVALANCHE_SAFE_SINGLETON',
        'AVALANCHE_SAFE_SINGLETON and AVALANCHE_SAFE_PROXY_FACTORY are required with AVALANCHE_SAFE_OWNERS on AVALANCHE_NETWORK=rpc',
      );
    }
  }
  if (c.AVALANCHE_NETWORK !== 'rpc') return;
  const rpc = 'required when AVALANCHE_NETWORK=rpc';
  if (!c.AVALANCHE_RPC_URL) need('AVALANCHE_RPC_URL', `${rpc}: the L1's JSON-RPC URL`);
  if (!c.AVALANCHE_CHAIN_ID) need('AVALANCHE_CHAIN_ID', `${rpc}: the L1's EVM chain id`);
  // The keys (AVALANCHE_OPERATOR_SIGNER, AVALANCHE_ADMIN_SIGNER, …) are checked with every role's in signer-config.ts.
  if (!c.AVALANCHE_FINALITY) need('AVALANCHE_FINALITY', `${rpc}: "finalized" (the L1's last accepted block, final under Snowman) or a block depth`);
  if (!c.AVALANCHE_INFRASTRUCTURE && !c.AVALANCHE_INFRASTRUCTURE_FILE) {
    need('AVALANCHE_INFRASTRUCTURE_FILE', `${rpc} (or AVALANCHE_INFRASTRUCTURE): the L1 contracts' record written by ensureAvalancheInfrastructure`);
  }
}
