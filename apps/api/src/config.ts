import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseApiKey } from './auth/keys.ts';
import { EVM_CONFIG, checkEvmConfig } from './chains/ethereum/config.ts';
import { STELLAR_CONFIG, checkStellarConfig } from './chains/stellar/config.ts';
import { AVALANCHE_CONFIG, checkAvalancheConfig } from './chains/avalanche/config.ts';
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
    /** How long a verified API key is used without reading its row again (0: every request reads it). */
    FISCUS_API_KEY_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(5_000),
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
    ...STELLAR_CONFIG,
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
    checkStellarConfig(c, need);
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
