import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
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
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: API_DIR, env: { ...process.env, DATABASE_URL: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
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
  first.kill('SIGTERM');
  expect(await first.exit).toBe(0);

  const second = start(env);
  await second.url;
  expect(second.stdout.join('')).not.toContain('fsk_');
  second.kill('SIGINT');
  expect(await second.exit).toBe(0);
}, 60_000);

it('exits 1 with a clear message on bad configuration', async () => {
  const bad = start({ PORT: 'eighty', FISCUS_DATA_DIR: join(dataDir, 'unused') });
  expect(await bad.exit).toBe(1);
  expect(bad.stdout.join('')).toMatch(/invalid configuration:[\s\S]*PORT/);
}, 30_000);
