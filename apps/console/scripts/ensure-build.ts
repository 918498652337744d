/**
 * Builds the console (Vite) when apps/console/dist is missing or older than its sources, so that
 * `npm start` and `npm test` serve the current console with no extra step and no committed output.
 * Staleness is a sha-256 of every input file, kept in dist/.source-hash: mtimes lie after a clone.
 * Run: `npx tsx apps/console/scripts/ensure-build.ts` (the root `start` and `test` scripts do).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CONSOLE_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const CONSOLE_DIST = join(CONSOLE_ROOT, 'dist');
const INPUTS = ['index.html', 'vite.config.ts', 'package.json', 'src'];

/** Every file under `path` (relative to the console root), sorted: directories are walked. */
function files(path: string): string[] {
  const full = join(CONSOLE_ROOT, path);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [path];
  return readdirSync(full)
    .sort()
    .flatMap((name) => files(join(path, name)));
}

export function sourceHash(): string {
  const h = createHash('sha256');
  for (const f of INPUTS.flatMap(files))
    h.update(f)
      .update('\0')
      .update(readFileSync(join(CONSOLE_ROOT, f)))
      .update('\0');
  return h.digest('hex');
}

export function isFresh(hash = sourceHash()): boolean {
  try {
    return readFileSync(join(CONSOLE_DIST, '.source-hash'), 'utf8') === hash && existsSync(join(CONSOLE_DIST, 'index.html'));
  } catch {
    return false;
  }
}

/** Returns true when it built. Builds into a temporary directory and swaps it in, so a server never sees half a build. */
export async function ensureConsoleBuild(o: { quiet?: boolean } = {}): Promise<boolean> {
  const hash = sourceHash();
  if (isFresh(hash)) return false;
  const tmp = `${CONSOLE_DIST}.tmp-${process.pid}`;
  // A child process with NODE_ENV=production: under vitest NODE_ENV is `test`, and Vite would then
  // bundle React's development build.
  const vite = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin/vite.js');
  const r = spawnSync(process.execPath, [vite, 'build', '--outDir', tmp, '--emptyOutDir', '--logLevel', o.quiet ? 'error' : 'info'], {
    cwd: CONSOLE_ROOT,
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: o.quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit',
  });
  if (r.status !== 0) throw new Error(`vite build of the console failed (exit ${r.status ?? r.signal})`);
  writeFileSync(join(tmp, '.source-hash'), hash);
  rmSync(CONSOLE_DIST, { recursive: true, force: true });
  renameSync(tmp, CONSOLE_DIST);
  return true;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const built = await ensureConsoleBuild();
  if (!built) process.stdout.write('console build is up to date (apps/console/dist)\n');
}
