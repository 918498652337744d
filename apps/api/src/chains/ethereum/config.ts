import { z } from 'zod';

const hexKey = z.string().regex(/^(0x)?[0-9a-fA-F]{64}$/, 'must be a 32-byte hex private key');
/** A fee cap in whole gwei (1 … 10,000,000). */
export const maxFeeGwei = z.string().regex(/^[1-9][0-9]{0,7}$/, 'must be a whole number of gwei (1-99999999)');
/** `finalized` or a block depth: what parseEvmFinality (chain-evm) accepts. */
export const finality = z.string().regex(/^(finalized|\d{1,4})$/, 'must be "finalized" (the node\'s finalized block) or a block depth (0-9999)');

/**
 * Ethereum settings, spread into config.ts's schema (kept here so the Ethereum wiring is one
 * place). `local` = anvil in this process with anvil's PUBLIC dev keys; `rpc` = any EVM JSON-RPC
 * node with keys and the infrastructure record from the environment; `none` = no Ethereum chain.
 */
export const EVM_CONFIG = {
  ETHEREUM_NETWORK: z.enum(['local', 'rpc', 'none']).default('local'),
  /** `rpc`: the node. `local`: an already running anvil (e.g. the API's, for worker-main) instead of starting one. */
  ETHEREUM_RPC_URL: z.url().optional(),
  /** `rpc`: required. `local`: default 31337. */
  ETHEREUM_CHAIN_ID: z
    .string()
    .regex(/^[1-9][0-9]{0,18}$/, 'must be a positive integer')
    .optional(),
  /**
   * When a block is final: `finalized` (the node's finalized block: Ethereum's FFG checkpoint) or a
   * block depth. `rpc`: required (no default is safe: depth 0 lets a reorg undo a "final" burn).
   * `local`: default 0 (anvil never reorgs on its own).
   */
  EVM_FINALITY: finality.optional(),
  /**
   * Highest fee per gas (whole gwei) an operation transaction bids, replacements included (a
   * filler that gives an abandoned transaction up may pass it: 21,000 gas). Default 1000.
   */
  EVM_MAX_FEE_GWEI: maxFeeGwei.optional(),
  /** `rpc`: the shared contracts' addresses (JSON written by ensureInfrastructure), inline or as a file. */
  EVM_INFRASTRUCTURE: z.string().min(2).optional(),
  EVM_INFRASTRUCTURE_FILE: z.string().min(1).optional(),
  /** Plaintext hex keys: refused when ETHEREUM_NETWORK=rpc (set EVM_OPERATOR_SIGNER / EVM_ADMIN_SIGNER / EVM_CLAIM_SIGNER, see signer-config.ts); `local` signs with anvil's dev keys. */
  EVM_OPERATOR_KEY: hexKey.optional(),
  EVM_ADMIN_KEY: hexKey.optional(),
  /** The KYC claim issuer's key; default: the admin key. */
  EVM_CLAIM_KEY: hexKey.optional(),
  /**
   * Role keys on the agent gate (local networks; signer-config.ts has the `*_SIGNER` forms): minting,
   * compliance, oracle; `local` default: anvil dev accounts 3, 4, 5. `*_NEXT_KEY`: a rotation's target.
   */
  EVM_MINTER_KEY: hexKey.optional(),
  EVM_COMPLIANCE_KEY: hexKey.optional(),
  EVM_ORACLE_KEY: hexKey.optional(),
  EVM_MINTER_NEXT_KEY: hexKey.optional(),
  EVM_COMPLIANCE_NEXT_KEY: hexKey.optional(),
  EVM_ORACLE_NEXT_KEY: hexKey.optional(),
  /** Every fund's redemption wallet (platform-controlled; investors send units there to redeem); default: the admin key's address. */
  EVM_REDEMPTION_ADDRESS: z
    .string()
    .regex(/^0x[0-9a-fA-F]{40}$/, 'must be a 0x… EVM address')
    .optional(),
  /**
   * Multi-signature approvals: the approvers' addresses (comma-separated). Each fund deployed with it
   * gets a Safe they own with EVM_SAFE_THRESHOLD, holding the minting right; operations above the
   * fund's approval threshold then need that many owners' signatures (POST /v1/operations/{id}/signatures).
   */
  EVM_SAFE_OWNERS: z
    .string()
    .regex(/^0x[0-9a-fA-F]{40}(,0x[0-9a-fA-F]{40})*$/, 'must be comma-separated 0x… EVM addresses')
    .optional(),
  EVM_SAFE_THRESHOLD: z
    .string()
    .regex(/^[1-9][0-9]?$/, 'must be a whole number (1-99)')
    .optional(),
  /** The Safe singleton and proxy factory (`rpc`: the chain's canonical Safe deployments; `local`: deployed at start). */
  EVM_SAFE_SINGLETON: z
    .string()
    .regex(/^0x[0-9a-fA-F]{40}$/, 'must be a 0x… EVM address')
    .optional(),
  EVM_SAFE_PROXY_FACTORY: z
    .string()
    .regex(/^0x[0-9a-fA-F]{40}$/, 'must be a 0x… EVM address')
    .optional(),
  /** `local`: anvil's port (0 = any free port) and its state file (default <data dir>/../anvil-state.json). */
  ETHEREUM_LOCAL_PORT: z.coerce.number().int().min(0).max(65_535).default(0),
  ETHEREUM_LOCAL_STATE: z.string().min(1).optional(),
};

const EvmConfigSchema = z.object(EVM_CONFIG);
export type EvmConfig = z.infer<typeof EvmConfigSchema>;

/** Real networks never get a default key or contract set: each missing one is named. */
export function checkEvmConfig(c: EvmConfig, need: (key: string, why: string) => void): void {
  if (c.EVM_SAFE_OWNERS) {
    const n = c.EVM_SAFE_OWNERS.split(',').length;
    if (!c.EVM_SAFE_THRESHOLD || Number(c.EVM_SAFE_THRESHOLD) > n) need('EVM_SAFE_THRESHOLD', `required with EVM_SAFE_OWNERS: between 1 and its ${n} owners`);
    if (c.ETHEREUM_NETWORK === 'rpc' && (!c.EVM_SAFE_SINGLETON || !c.EVM_SAFE_PROXY_FACTORY)) {
      need('EVM_SAFE_SINGLETON', 'EVM_SAFE_SINGLETON and EVM_SAFE_PROXY_FACTORY are required with EVM_SAFE_OWNERS on ETHEREUM_NETWORK=rpc');
    }
  }
  if (c.ETHEREUM_NETWORK !== 'rpc') return;
  const rpc = 'required when ETHEREUM_NETWORK=rpc';
  if (!c.ETHEREUM_RPC_URL) need('ETHEREUM_RPC_URL', `${rpc}: the node's JSON-RPC URL`);
  if (!c.ETHEREUM_CHAIN_ID) need('ETHEREUM_CHAIN_ID', `${rpc}: the chain id (transactions are signed for it)`);
  // The keys (EVM_OPERATOR_SIGNER, EVM_ADMIN_SIGNER, …) are checked with every role's in signer-config.ts.
  if (!c.EVM_FINALITY)
    need('EVM_FINALITY', `${rpc}: "finalized" (Ethereum mainnet and testnets: the node's finalized block) or the chain's documented block depth`);
  if (!c.EVM_INFRASTRUCTURE && !c.EVM_INFRASTRUCTURE_FILE) {
    need('EVM_INFRASTRUCTURE_FILE', `${rpc} (or EVM_INFRASTRUCTURE): the shared contracts' record written by ensureInfrastructure`);
  }
}
