import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Pkcs11Options } from '../../src/index.ts';

/** Debian's softhsm2 package (installed by .ci/run). */
export const SOFTHSM_LIBRARY = process.env.FISCUS_TEST_PKCS11_LIBRARY ?? '/usr/lib/softhsm/libsofthsm2.so';

export interface TempToken {
  options: Pkcs11Options;
  /** The SOFTHSM2_CONF this process uses (SoftHSM reads it at C_Initialize). */
  conf: string;
  remove(): void;
}

/**
 * A fresh SoftHSM2 token in a temporary directory: its own softhsm2.conf (pointed to by
 * SOFTHSM2_CONF for this process and softhsm2-util), initialized with `softhsm2-util --init-token`.
 * Call before the first Pkcs11Token.open of the process: SoftHSM reads the file at C_Initialize.
 */
export function tempToken(label = 'fiscus-test'): TempToken {
  if (!existsSync(SOFTHSM_LIBRARY)) throw new Error(`${SOFTHSM_LIBRARY} is missing: apt-get install -y softhsm2 (.ci/run does)`);
  const dir = mkdtempSync(join(tmpdir(), 'fiscus-softhsm-'));
  const tokens = join(dir, 'tokens');
  mkdirSync(tokens);
  const conf = join(dir, 'softhsm2.conf');
  writeFileSync(conf, `directories.tokendir = ${tokens}\nobjectstore.backend = file\nlog.level = ERROR\nslots.removable = false\n`);
  process.env.SOFTHSM2_CONF = conf;
  const pin = '246810';
  execFileSync('softhsm2-util', ['--init-token', '--free', '--label', label, '--pin', pin, '--so-pin', '13579'], {
    env: { ...process.env, SOFTHSM2_CONF: conf },
    stdio: 'pipe',
  });
  return { options: { library: SOFTHSM_LIBRARY, tokenLabel: label, pin }, conf, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
