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
  return runTsChild({
    module: supportFile('worker-child.ts'),
    label: 'worker child',
    env: { ...p.harness.childDriverEnv, ...p.env, FISCUS_DB: JSON.stringify({ ...p.db, migrate: false }), DRIVER_MODULE: p.harness.childDriverModule },
    timeoutMs: p.timeoutMs ?? 60_000,
  });
}

/**
 * Runs a TypeScript module in a new Node process (through tsx) with `env` on top of ours and
 * resolves with its exit and output; SIGKILLs it and rejects after `timeoutMs`. Crash tests kill
 * such children on purpose, so a child is a process, never a worker thread.
 */
export function runTsChild(p: { module: string; label: string; env: Record<string, string>; timeoutMs: number }): Promise<ChildResult> {
  const child = spawn(process.execPath, ['--import', 'tsx', p.module], { env: { ...process.env, ...p.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${p.label} timed out:\n${output}`));
    }, p.timeoutMs);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, output });
    });
  });
}
