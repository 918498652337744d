import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseApiKey } from './auth/keys.ts';

/** The repository root (apps/api/src → ../../..): where `.data/` lives by default. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * Every setting comes from the environment, with a default that runs on a laptop with nothing
 * else installed (PGlite + the in-memory devnet). Bad values stop the process with a message
 * naming the variable, before anything is opened.
 */
const ConfigSchema = z.object({
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
  FISCUS_BODY_LIMIT: z.coerce.number().int().min(1024).max(16 * 1024 * 1024).default(65_536),
  /** `memory`: an in-process simulated chain `memory:devnet`; `none`: no chain at all. */
  FISCUS_DEVNET: z.enum(['memory', 'none']).default('memory'),
  /** Use an already running memchain (e.g. the API's) instead of starting one: for worker-main. */
  FISCUS_DEVNET_URL: z.url().optional(),
  /** Port of the in-process memchain; 0 = any free port. */
  FISCUS_DEVNET_PORT: z.coerce.number().int().min(0).max(65_535).default(0),
  /** 64 hex chars: the devnet signer's ed25519 seed; default: kept in <data dir>/devnet-signer.seed. */
  FISCUS_DEVNET_SEED: z.string().regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hex characters').optional(),
  /** State file of the in-process memchain; default <data dir>/../memchain-devnet.json (see wiring.ts). */
  FISCUS_DEVNET_STATE: z.string().min(1).optional(),
  FISCUS_WORKER: z.enum(['0', '1', 'true', 'false']).default('1').transform((v) => v === '1' || v === 'true'),
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
    devnet: c.FISCUS_DEVNET,
    worker: c.FISCUS_WORKER,
    bodyLimit: c.FISCUS_BODY_LIMIT,
  };
}
