import { z } from 'zod';

/**
 * Stellar settings, spread into config.ts's schema (one place per chain family: chains/<family>/).
 */
export const STELLAR_CONFIG = {
  /**
   * `local`: the Horizon-compatible local ledger runs in this process as `stellar:local`;
   * `testnet` / `pubnet`: the real networks through Horizon; `none`: no Stellar chain.
   */
  STELLAR_NETWORK: z.enum(['local', 'testnet', 'pubnet', 'none']).default('local'),
  /** Horizon of testnet/pubnet (defaults: SDF's public Horizon); a running local ledger's URL for worker-main. */
  STELLAR_HORIZON_URL: z.url().optional(),
  STELLAR_NETWORK_PASSPHRASE: z.string().min(1).optional(),
  /** 64 hex chars: master seed the issuer and distribution keys are derived from (`local`; refused for testnet/pubnet: set STELLAR_KEYRING_SIGNER). */
  STELLAR_KEYRING_SEED: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hex characters')
    .optional(),
  /** S… secret of the account that creates issuer/distribution accounts: refused for testnet/pubnet (set STELLAR_FUNDING_SIGNER; `local` uses friendbot). */
  STELLAR_FUNDING_SECRET: z
    .string()
    .regex(/^S[A-Z2-7]{55}$/, 'must be a Stellar secret seed (S…)')
    .optional(),
  /** S… secret of the account that sponsors investors' trustline reserves; default: each fund's issuer. */
  STELLAR_SPONSOR_SECRET: z
    .string()
    .regex(/^S[A-Z2-7]{55}$/, 'must be a Stellar secret seed (S…)')
    .optional(),
  /** S… secret of the account that pays investors' fee bumps; default: each fund's distribution account. */
  STELLAR_FEE_SECRET: z
    .string()
    .regex(/^S[A-Z2-7]{55}$/, 'must be a Stellar secret seed (S…)')
    .optional(),
  /** The issuers' home_domain (where stellar.toml is served); default: the host of FISCUS_PUBLIC_URL. */
  STELLAR_HOME_DOMAIN: z
    .string()
    .regex(/^[\x21-\x7e]{1,32}$/, 'must be 1-32 printable ASCII characters')
    .optional(),
  /** SEP-8 approval server: highest fee per operation a wallet's transaction may bid, in stroops. */
  STELLAR_SEP8_MAX_FEE_PER_OP: z.coerce.bigint().min(100n).max(100_000_000n).default(1_000n),
  /** SEP-8 approval server: new approval requests per source account per minute (each API process). */
  STELLAR_SEP8_RATE_LIMIT: z.coerce.number().int().min(1).max(100_000).default(30),
  /** SEP-8 action_required: where an unknown receiver onboards (KYC, trustline, wallet); default <FISCUS_PUBLIC_URL>/onboarding. */
  STELLAR_SEP8_ACTION_URL: z.url().optional(),
  /**
   * Multi-signature approvals: G… accounts of the approvers, comma-separated. Funds deployed with it
   * set them as signers of their issuing account (weight 1 each, platform key 1, medium/high threshold
   * 1 + STELLAR_APPROVAL_THRESHOLD; with STELLAR_ROLE_KEYS weight 7 each, medium 1 + 7 × threshold):
   * operations above the fund's approval threshold then land only with that many approvers'
   * signatures (POST /v1/operations/{id}/signatures).
   */
  STELLAR_APPROVERS: z
    .string()
    .regex(/^G[A-Z2-7]{55}(,G[A-Z2-7]{55})*$/, 'must be comma-separated Stellar account ids (G…)')
    .optional(),
  /**
   * Least privilege (chain-stellar README): new funds get a minting, a compliance and an oracle key,
   * each the only signer of its own role account and weighted on the issuer for its job only (the
   * issuer key becomes the admin: deployment and rotations); NAV entries move to the oracle account.
   * Default: on for testnet and pubnet, off for local. Funds keep what they were deployed with.
   */
  STELLAR_ROLE_KEYS: z.enum(['on', 'off']).optional(),
  /** How many of STELLAR_APPROVERS must sign (M of N). */
  STELLAR_APPROVAL_THRESHOLD: z.coerce.number().int().min(1).max(20).optional(),
  /** Port of the in-process local ledger; 0 = any free port. */
  STELLAR_LOCAL_PORT: z.coerce.number().int().min(0).max(65_535).default(0),
  STELLAR_LEDGER_CLOSE_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
  /** Replay journal of the in-process local ledger; default <data dir>/../stellar-local-ledger.jsonl (see wiring.ts). */
  STELLAR_LOCAL_STATE: z.string().min(1).optional(),
};

const StellarConfigSchema = z.object(STELLAR_CONFIG);
export type StellarConfig = z.infer<typeof StellarConfigSchema>;

/** Pubnet issuers must name the domain that serves their stellar.toml. */
export function checkStellarConfig(c: StellarConfig, need: (key: string, why: string) => void): void {
  if (c.STELLAR_APPROVERS && (c.STELLAR_APPROVAL_THRESHOLD ?? 0) > c.STELLAR_APPROVERS.split(',').length) {
    need('STELLAR_APPROVAL_THRESHOLD', `between 1 and the ${c.STELLAR_APPROVERS.split(',').length} STELLAR_APPROVERS`);
  }
  if (c.STELLAR_APPROVERS && !c.STELLAR_APPROVAL_THRESHOLD) need('STELLAR_APPROVAL_THRESHOLD', 'required with STELLAR_APPROVERS: how many of them must sign');
  if (c.STELLAR_NETWORK === 'pubnet' && !c.STELLAR_HOME_DOMAIN) {
    need('STELLAR_HOME_DOMAIN', 'required when STELLAR_NETWORK=pubnet: the domain that serves /.well-known/stellar.toml');
  }
}

/** Whether new funds get role keys: STELLAR_ROLE_KEYS, else on for real networks only. */
export function stellarLeastPrivilege(c: StellarConfig): { leastPrivilege: boolean } {
  return { leastPrivilege: c.STELLAR_ROLE_KEYS ? c.STELLAR_ROLE_KEYS === 'on' : c.STELLAR_NETWORK !== 'local' };
}

/** The approvers of large operations, when configured (multi-signature approvals). */
export function stellarApprovals(c: StellarConfig): { approvals?: { approvers: string[]; threshold: number } } {
  if (!c.STELLAR_APPROVERS || !c.STELLAR_APPROVAL_THRESHOLD) return {};
  return { approvals: { approvers: c.STELLAR_APPROVERS.split(','), threshold: c.STELLAR_APPROVAL_THRESHOLD } };
}
