import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfig } from '../src/config.ts';

/**
 * docker/compose.yaml checked without Docker: this machine has the docker CLI but neither a
 * daemon nor the compose plugin, so `docker compose config` cannot run here. Instead: the YAML
 * parses, every ${VAR} resolves from docker/.env.example, and each Fiscus process's environment
 * passes the API's own configuration check (loadConfig) — the same rules the processes start with.
 */
const dir = new URL('../../../docker/', import.meta.url);
const dotenv = Object.fromEntries(
  readFileSync(new URL('.env.example', dir), 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
);

/** Compose's interpolation: ${VAR}, ${VAR:-default}, ${VAR:?error} (an unset required one throws). */
function interpolate(text: string, env: Record<string, string>): string {
  return text.replace(/\$\{([A-Z0-9_]+)(?::([-?])([^}]*))?\}/g, (_m, name: string, op?: string, arg?: string) => {
    if (env[name] !== undefined && env[name] !== '') return env[name]!;
    if (op === '-') return arg!;
    throw new Error(`${name} is required by docker/compose.yaml (${arg ?? 'no default'}) and missing from docker/.env.example`);
  });
}

/** As compose does: parse the YAML first, then interpolate each string value (so "0…01" stays a string). */
const resolve = (v: unknown): unknown =>
  typeof v === 'string'
    ? interpolate(v, dotenv)
    : Array.isArray(v)
      ? v.map(resolve)
      : v && typeof v === 'object'
        ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, resolve(x)]))
        : v;

const compose = resolve(parse(readFileSync(new URL('compose.yaml', dir), 'utf8'), { merge: true })) as {
  services: Record<string, { image?: string; build?: unknown; command?: string[]; entrypoint?: string[]; environment?: Record<string, string> }>;
};

describe('docker/compose.yaml', () => {
  it('runs PostgreSQL, the API, two workers, a Stellar quickstart node in local mode and anvil', () => {
    const s = compose.services;
    expect(Object.keys(s).sort()).toEqual(['anvil', 'api', 'postgres', 'stellar', 'worker-1', 'worker-2']);
    expect(s.stellar!.image).toMatch(/^stellar\/quickstart:/);
    expect(s.stellar!.command).toContain('--local');
    expect(s.anvil!.entrypoint).toEqual(expect.arrayContaining(['anvil', '--disable-code-size-limit']));
    for (const w of ['worker-1', 'worker-2']) expect(s[w]!.command).toEqual(['npx', 'tsx', 'apps/api/src/worker-main.ts']);
  });

  it('gives every Fiscus process a configuration the API accepts, the same shared secrets, and the L1 over RPC', () => {
    const envs = ['api', 'worker-1', 'worker-2'].map((name) => compose.services[name]!.environment!);
    for (const env of envs) {
      const config = loadConfig(Object.fromEntries(Object.entries(env).map(([k, v]) => [k, String(v)])));
      expect(config).toMatchObject({ AVALANCHE_NETWORK: 'rpc', STELLAR_NETWORK: 'local', ETHEREUM_NETWORK: 'local', FISCUS_DEVNET: 'none' });
    }
    for (const key of ['DATABASE_URL', 'FISCUS_ATTESTATION_KEY', 'FISCUS_WEBHOOK_KEY', 'STELLAR_KEYRING_SEED', 'STELLAR_HORIZON_URL', 'ETHEREUM_RPC_URL']) {
      expect(new Set(envs.map((e) => e[key])).size, key).toBe(1);
    }
  });

  it('refuses to interpolate without the required secrets (as docker compose config would)', () => {
    const text = readFileSync(new URL('compose.yaml', dir), 'utf8');
    expect(() => interpolate(text, {})).toThrow(/POSTGRES_PASSWORD|FISCUS_ATTESTATION_KEY/);
  });
});
