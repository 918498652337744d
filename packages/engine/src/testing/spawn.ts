import { spawn } from 'node:child_process';
import type { CreateDbOptions } from '@fiscus/ledger';
import { supportFile, type EngineChainHarness } from './chain.ts';

export interface ChildResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
}

/** Runs worker-child.ts in a new Node process and resolves when it exits. */
export function runWorkerChild(p: {
  db: CreateDbOptions;
  harness: EngineChainHarness;
  env?: Record<string, string>;
  timeoutMs?: number;
}): Promise<ChildResult> {
  const child = spawn(process.execPath, ['--import', 'tsx', supportFile('worker-child.ts')], {
    env: {
      ...process.env,
      ...p.harness.childDriverEnv,
      ...p.env,
      FISCUS_DB: JSON.stringify({ ...p.db, migrate: false }),
      DRIVER_MODULE: p.harness.childDriverModule,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`worker child timed out:\n${output}`));
    }, p.timeoutMs ?? 60_000);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, output });
    });
  });
}
