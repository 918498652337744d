import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import path from 'node:path';

const require_ = createRequire(import.meta.url);

const PLATFORMS: Record<string, string> = { linux: 'linux', darwin: 'darwin', win32: 'win32' };
const ARCHES: Record<string, string> = { x64: 'amd64', arm64: 'arm64' };

/**
 * Path of the anvil executable shipped by `@foundry-rs/anvil`. The wrapper keeps the real binary
 * in a per-platform optional dependency; npm 11 skips the wrapper's postinstall (which would copy
 * it next to the wrapper), so the optional dependency is looked up first. ANVIL_BIN overrides both.
 */
export function anvilBinary(env: NodeJS.ProcessEnv = process.env): string {
  if (env.ANVIL_BIN) return env.ANVIL_BIN;
  const exe = process.platform === 'win32' ? 'anvil.exe' : 'anvil';
  const candidates: string[] = [];
  const plat = PLATFORMS[process.platform];
  const arch = ARCHES[process.arch];
  if (plat && arch) {
    try {
      candidates.push(path.join(path.dirname(require_.resolve(`@foundry-rs/anvil-${plat}-${arch}/package.json`)), 'bin', exe));
    } catch {
      // not installed for this platform: fall through to the postinstall location
    }
  }
  candidates.push(path.join(path.dirname(require_.resolve('@foundry-rs/anvil/package.json')), exe));
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`anvil binary not found; looked in ${candidates.join(', ')} (set ANVIL_BIN)`);
  return found;
}
