import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';

const API_DIR = fileURLToPath(new URL('..', import.meta.url));

interface Started {
  stdout: string[];
  url: Promise<string>;
  exit: Promise<number | null>;
  kill(signal: NodeJS.Signals): void;
}

/** Children still running when a test ends (it failed midway) are killed, never left behind. */
const running = new Set<ReturnType<typeof spawn>>();
afterEach(() => {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
});

/** `npm start` as a user runs it: a real process, config from the environment. */
function start(env: Record<string, string>): Started {
  // One process (node + tsx loader), so a kill reaches the server itself and leaves no orphan.
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: API_DIR,
    env: { ...process.env, DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.on('exit', () => running.delete(child));
  const stdout: string[] = [];
  let onUrl: (u: string) => void;
  const url = new Promise<string>((r) => (onUrl = r));
  child.stdout.on('data', (d: Buffer) => {
    stdout.push(String(d));
    for (const line of String(d).split('\n')) {
      if (line.includes('"msg":"listening"')) onUrl(JSON.parse(line).url);
    }
  });
  child.stderr.on('data', (d: Buffer) => stdout.push(String(d)));
  return { stdout, url, exit: new Promise((r) => child.on('exit', (code) => r(code))), kill: (s) => child.kill(s) };
}

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'fiscus-main-'));
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

/** JSON call against a started process, with a fresh Idempotency-Key on mutations. */
async function api(url: string, key: string, method: string, path: string, body?: unknown): Promise<any> {
  const headers: Record<string, string> = { authorization: `Bearer ${key}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers['idempotency-key'] = crypto.randomUUID();
  const res = await fetch(`${url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const json = await res.json();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

async function posted(url: string, key: string, opId: string): Promise<void> {
  for (let i = 0; i < 500; i++) {
    const op = await api(url, key, 'GET', `/v1/operations/${opId}`);
    if (op.state === 'posted') return;
    if (op.state === 'failed') throw new Error(`operation ${opId} failed: ${JSON.stringify(op.lastError)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`operation ${opId} never posted`);
}

it('starts on PGlite, prints the first admin key once, serves, and stops on SIGTERM', async () => {
  const env = { FISCUS_DATA_DIR: join(dataDir, 'pglite'), PORT: '0', LOG_LEVEL: 'info' };
  const first = start(env);
  const url = await first.url;
  const key = /fsk_\S+/.exec(first.stdout.join(''))?.[0];
  expect(key).toBeDefined();
  expect((await fetch(`${url}/healthz`)).status).toBe(200);
  const funds = await fetch(`${url}/v1/funds`, { headers: { authorization: `Bearer ${key}` } });
  expect(funds.status).toBe(200);
  // The secret appears exactly once in everything the process wrote: the banner, not the logs.
  expect(first.stdout.join('').split(key!.split('_').at(-1)!).length - 1).toBe(1);
  // Put units on memory:devnet, so the restart below has a chain worth keeping.
  const fund = await api(url, key!, 'POST', '/v1/funds', { name: 'Kept Fund', symbol: 'KEPT' });
  await posted(url, key!, (await api(url, key!, 'POST', `/v1/funds/${fund.id}/deployments`, { chain: 'memory:devnet' })).operation.id);
  const investor = await api(url, key!, 'POST', '/v1/investors', { legalName: 'I', jurisdiction: 'US', investorType: 'institutional', kycStatus: 'verified' });
  const address = `0x${'ab'.repeat(20)}`;
  const holder = { investorId: investor.id, chain: 'memory:devnet', address };
  await posted(url, key!, (await api(url, key!, 'POST', `/v1/funds/${fund.id}/wallets`, holder)).operation.id);
  await posted(url, key!, (await api(url, key!, 'POST', `/v1/funds/${fund.id}/subscriptions`, { ...holder, units: '42' })).operation.id);
  // stellar:local starts beside memory:devnet; a fund deployed on it survives the restart too.
  const startLog = first.stdout.join('');
  expect(startLog).toMatch(/"chains":\["memory:devnet","stellar:local","eip155:31337","eip155:99999"\]/);
  // eip155:99999 is the Avalanche L1 stand-in (provisioned on the P-Chain stand-in, Subnet-EVM genesis → anvil + gate).
  expect(startLog).toMatch(/eip155:99999 is a LOCAL Subnet-EVM stand-in/);
  // eip155:31337 is anvil in the same process; its chain and contracts are kept beside the data dir too.
  expect(startLog).toMatch(/eip155:31337 is a LOCAL anvil devnet signing with anvil's PUBLIC dev keys/);
  await posted(url, key!, (await api(url, key!, 'POST', `/v1/funds/${fund.id}/deployments`, { chain: 'eip155:31337' })).operation.id);
  const horizonUrl = /"chain":"stellar:local","horizonUrl":"([^"]+)"/.exec(startLog)?.[1];
  expect(horizonUrl).toBeDefined();
  await posted(url, key!, (await api(url, key!, 'POST', `/v1/funds/${fund.id}/deployments`, { chain: 'stellar:local' })).operation.id);
  const toml = await (await fetch(`${url}/.well-known/stellar.toml`)).text();
  const issuer = /issuer = "(G[A-Z2-7]{55})"/.exec(toml)?.[1];
  expect(issuer).toBeDefined();
  first.kill('SIGTERM');
  expect(await first.exit).toBe(0);
  expect(existsSync(join(dataDir, 'memchain-devnet.json'))).toBe(true);
  expect(statSync(join(dataDir, 'stellar-keyring.seed')).mode & 0o777).toBe(0o600);
  expect(statSync(join(dataDir, 'stellar-local-ledger.jsonl')).mode & 0o777).toBe(0o600);
  expect(existsSync(join(dataDir, 'anvil-state.json'))).toBe(true);
  expect(existsSync(join(dataDir, 'evm-infrastructure.json'))).toBe(true);
  expect(existsSync(join(dataDir, 'avalanche-l1-state.json'))).toBe(true);
  expect(existsSync(join(dataDir, 'avalanche-infrastructure.json'))).toBe(true);

  const second = start(env);
  const url2 = await second.url;
  expect(second.stdout.join('')).not.toContain('fsk_');
  // The chain came back from <data dir>/../memchain-devnet.json: the ledger and the chain still agree.
  const supply = await api(url2, key!, 'GET', `/v1/funds/${fund.id}/supply`);
  expect(supply.chains).toContainEqual(expect.objectContaining({ chain: 'memory:devnet', ledgerSupply: '42', chainSupply: '42', inSync: true }));
  const rec = await api(url2, key!, 'POST', `/v1/funds/${fund.id}/reconciliations`, { chain: 'memory:devnet' });
  expect(rec.items[0]).toMatchObject({ status: 'clean' });
  // anvil came back from anvil-state.json: the fund's token is still there and agrees with the ledger.
  const evmRec = await api(url2, key!, 'POST', `/v1/funds/${fund.id}/reconciliations`, { chain: 'eip155:31337' });
  expect(evmRec.items[0]).toMatchObject({ chain: 'eip155:31337', status: 'clean' });
  // The local ledger replayed its journal: the issuer is still there, with the same key.
  const horizon2 = /"chain":"stellar:local","horizonUrl":"([^"]+)"/.exec(second.stdout.join(''))?.[1];
  const account = await fetch(`${horizon2}/accounts/${issuer}`);
  expect(account.status).toBe(200);
  expect(((await account.json()) as { home_domain: string }).home_domain).toBe('127.0.0.1:0');
  expect(await (await fetch(`${url2}/.well-known/stellar.toml`)).text()).toContain(`issuer = "${issuer}"`);
  second.kill('SIGINT');
  expect(await second.exit).toBe(0);
}, 180_000); // four local chains (Avalanche: P-Chain provisioning + L1 contracts) start twice

it('refuses to start over a devnet state file it cannot read, naming it', async () => {
  const dir = join(dataDir, 'corrupt');
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'memchain-devnet.json'), '{"format":"fiscus-memchain-state","version":99}');
  const bad = start({ FISCUS_DATA_DIR: join(dir, 'pglite'), PORT: '0', LOG_LEVEL: 'silent' });
  expect(await bad.exit).toBe(1);
  expect(bad.stdout.join('')).toMatch(/failed to start: memchain state file \S+memchain-devnet\.json: unknown version 99/);
}, 60_000);

it('exits 1 with a clear message on bad configuration', async () => {
  const bad = start({ PORT: 'eighty', FISCUS_DATA_DIR: join(dataDir, 'unused') });
  expect(await bad.exit).toBe(1);
  expect(bad.stdout.join('')).toMatch(/invalid configuration:[\s\S]*PORT/);
}, 30_000);
