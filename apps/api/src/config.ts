import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseApiKey } from './auth/keys.ts';
import { EVM_CONFIG, checkEvmConfig } from './evm-config.ts';
import { AVALANCHE_CONFIG, checkAvalancheConfig } from './avalanche-config.ts';
import { SIGNER_CONFIG, checkSignerConfig, describeSigners } from './signer-config.ts';

/** The repository root (apps/api/src → ../../..): where `.data/` lives by default. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * Every setting comes from the environment, with a default that runs on a laptop with nothing
 * else installed (PGlite + the in-memory devnet). Bad values stop the process with a message
 * naming the variable, before anything is opened.
 */
const ConfigSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65_535).default(8080),
    HOST: z.string().min(1).default('127.0.0.1'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\/\S+$/, 'must be a postgres:// URL')
      .optional(),
    FISCUS_DATA_DIR: z.string().min(1).default(`${REPO_ROOT}.data/pglite`),
    FISCUS_ADMIN_KEY: z
      .string()
      .refine((v) => parseApiKey(v) !== undefined, 'must look like fsk_<keyId>_<secret> (secret: 16+ characters of A-Z a-z 0-9 -)')
      .optional(),
    LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
    FISCUS_BODY_LIMIT: z.coerce
      .number()
      .int()
      .min(1024)
      .max(16 * 1024 * 1024)
      .default(65_536),
    /** A request (headers + body) must arrive within this many ms, else 408 and the connection is closed. */
    FISCUS_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
    /** The request headers must arrive within this many ms (≤ FISCUS_REQUEST_TIMEOUT_MS). */
    FISCUS_HEADERS_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
    /** `memory`: an in-process simulated chain `memory:devnet`; `none`: no chain at all. */
    FISCUS_DEVNET: z.enum(['memory', 'none']).default('memory'),
    /** Use an already running memchain (e.g. the API's) instead of starting one: for worker-main. */
    FISCUS_DEVNET_URL: z.url().optional(),
    /** Port of the in-process memchain; 0 = any free port. */
    FISCUS_DEVNET_PORT: z.coerce.number().int().min(0).max(65_535).default(0),
    /** 64 hex chars: the devnet signer's ed25519 seed; default: kept in <data dir>/devnet-signer.seed. */
    FISCUS_DEVNET_SEED: z
      .string()
      .regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hex characters')
      .optional(),
    /** State file of the in-process memchain; default <data dir>/../memchain-devnet.json (see wiring.ts). */
    FISCUS_DEVNET_STATE: z.string().min(1).optional(),
    /** 64 hex chars (or base64): the Ed25519 seed signing reserve attestations; default: <data dir>/../attestation.seed. */
    FISCUS_ATTESTATION_KEY: z
      .string()
      .regex(/^([0-9a-fA-F]{64}|[A-Za-z0-9+/]{43}=)$/, 'must be a 32-byte seed as 64 hex chars or base64')
      .optional(),
    FISCUS_WORKER: z
      .enum(['0', '1', 'true', 'false'])
      .default('1')
      .transform((v) => v === '1' || v === 'true'),
    /** 64 hex chars: the AES-256-GCM key webhook signing secrets are encrypted under at rest; default: <data dir>/../webhook.key (0600). */
    FISCUS_WEBHOOK_KEY: z
      .string()
      .regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hex characters (32 bytes)')
      .optional(),
    /** Requests per minute per client address on the keyless /public routes (proof of reserves). */
    FISCUS_PUBLIC_RATE_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(60),
    /** Behind a reverse proxy: take the client address from the last X-Forwarded-For entry (the proxy's view). */
    FISCUS_TRUST_PROXY: z
      .enum(['0', '1', 'true', 'false'])
      .default('0')
      .transform((v) => v === '1' || v === 'true'),
    /** Interval of the reconciliation scheduler per active deployment, in ms (0 disables it; on demand: POST …/reconciliations). */
    FISCUS_RECONCILE_MS: z.coerce.number().int().min(0).max(86_400_000).default(60_000),
    /** How long signed bytes may wait unmined before the worker bids higher at the same nonce (EVM chains). */
    FISCUS_REPLACE_AFTER_MS: z.coerce.number().int().min(1_000).max(86_400_000).default(120_000),
    /** Base URL clients reach the API at (stellar.toml links, home domain); default http://HOST:PORT. */
    FISCUS_PUBLIC_URL: z.url().optional(),
    /** SEP-1 [DOCUMENTATION] fields of /.well-known/stellar.toml. */
    FISCUS_ORG_NAME: z.string().min(1).default('Fiscus Fund Issuer'),
    FISCUS_ORG_URL: z.url().optional(),
    FISCUS_ORG_EMAIL: z.email().optional(),
    FISCUS_ORG_ADDRESS: z.string().min(1).optional(),
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
    /** Port of the in-process local ledger; 0 = any free port. */
    STELLAR_LOCAL_PORT: z.coerce.number().int().min(0).max(65_535).default(0),
    STELLAR_LEDGER_CLOSE_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
    /** Replay journal of the in-process local ledger; default <data dir>/../stellar-local-ledger.jsonl (see wiring.ts). */
    STELLAR_LOCAL_STATE: z.string().min(1).optional(),
    ...EVM_CONFIG,
    ...AVALANCHE_CONFIG,
    ...SIGNER_CONFIG,
  })
  .superRefine((c, ctx) => {
    const need = (key: string, why: string) => ctx.addIssue({ code: 'custom', path: [key], message: why });
    checkEvmConfig(c, need);
    checkAvalancheConfig(c, need);
    if (c.FISCUS_HEADERS_TIMEOUT_MS > c.FISCUS_REQUEST_TIMEOUT_MS) {
      need('FISCUS_HEADERS_TIMEOUT_MS', `must be ≤ FISCUS_REQUEST_TIMEOUT_MS (${c.FISCUS_REQUEST_TIMEOUT_MS}): the headers are part of the request`);
    }
    // Keys of real networks (STELLAR_KEYRING_SIGNER, STELLAR_FUNDING_SIGNER, EVM_*_SIGNER, …): signer-config.ts.
    checkSignerConfig(c, need);
    if (c.STELLAR_NETWORK === 'pubnet' && !c.STELLAR_HOME_DOMAIN) {
      need('STELLAR_HOME_DOMAIN', 'required when STELLAR_NETWORK=pubnet: the domain that serves /.well-known/stellar.toml');
    }
  });

export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Empty variables count as unset, so `FOO= npm start` falls back to the default. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = ConfigSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(env)'}: ${i.message}`);
    throw new ConfigError(`invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** Never print secrets: the admin key and devnet seed are shown as set / unset only. */
export function describeConfig(c: Config): Record<string, unknown> {
  return {
    host: c.HOST,
    port: c.PORT,
    database: c.DATABASE_URL ? 'postgres' : `pglite (${c.FISCUS_DATA_DIR})`,
    adminKeyFromEnv: c.FISCUS_ADMIN_KEY !== undefined,
    attestationKeyFromEnv: c.FISCUS_ATTESTATION_KEY !== undefined,
    webhookKeyFromEnv: c.FISCUS_WEBHOOK_KEY !== undefined,
    publicRateLimit: c.FISCUS_PUBLIC_RATE_LIMIT,
    devnet: c.FISCUS_DEVNET,
    stellar: c.STELLAR_NETWORK,
    stellarKeyringFromEnv: c.STELLAR_KEYRING_SEED !== undefined,
    // Which key each role signs with (labels and paths, never the PIN or the passphrase).
    signers: describeSigners(c),
    ethereum: c.ETHEREUM_NETWORK,
    avalanche: c.AVALANCHE_NETWORK,
    publicUrl: publicUrl(c),
    worker: c.FISCUS_WORKER,
    reconcileMs: c.FISCUS_RECONCILE_MS,
    bodyLimit: c.FISCUS_BODY_LIMIT,
    requestTimeoutMs: c.FISCUS_REQUEST_TIMEOUT_MS,
    headersTimeoutMs: c.FISCUS_HEADERS_TIMEOUT_MS,
  };
}

/** Where clients reach this API: FISCUS_PUBLIC_URL, else http://HOST:PORT (no trailing slash). */
export function publicUrl(c: Config): string {
  return (c.FISCUS_PUBLIC_URL ?? `http://${c.HOST}:${c.PORT}`).replace(/\/+$/, '');
}
