import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface ProcessSpec {
  name: string;
  /** Script path relative to the repository root, run with node + the tsx loader. */
  script: string;
  /** Modules (paths relative to the repository root) imported before the script, e.g. a skewed clock. */
  preload?: string[];
  env: Record<string, string>;
  /** Returns a value once a line of stdout shows the process is ready. */
  ready: (line: string) => unknown;
  readyTimeoutMs: number;
}

/**
 * A child process the soak owns: one node process (tsx as a loader, not a wrapper), so a signal
 * reaches the program itself. Output goes to `<logDir>/<name>.log`, appended across restarts.
 */
export class Managed<R = unknown> {
  private child?: ChildProcess;
  private readonly log: WriteStream;
  info?: R;
  restarts = 0;
  /** Exits nobody asked for (not a fault's SIGKILL, not the soak's stop): the process died on its own. */
  readonly crashes: { at: string; code: number | null; signal: string | null; stderrTail: string }[] = [];
  private stopping = false;
  private stderrTail = '';
  constructor(
    readonly spec: ProcessSpec,
    logDir: string,
  ) {
    this.log = createWriteStream(join(logDir, `${spec.name}.log`), { flags: 'a' });
  }

  get pid(): number | undefined {
    return this.child?.exitCode === null ? this.child.pid : undefined;
  }

  get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Starts the process; `extraEnv` applies to this start only (a restart without it drops it). */
  async start(extraEnv: Record<string, string> = {}): Promise<R> {
    if (this.child) this.restarts++;
    const preload = (this.spec.preload ?? []).flatMap((m) => ['--import', `./${m}`]);
    const child = spawn(process.execPath, ['--import', 'tsx', ...preload, this.spec.script], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...this.spec.env, ...extraEnv },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.log.write(`\n=== ${new Date().toISOString()} start pid ${child.pid}\n`);
    this.stopping = false;
    this.stderrTail = '';
    child.stderr!.on('data', (d: Buffer) => {
      this.log.write(d);
      this.stderrTail = (this.stderrTail + String(d)).slice(-600);
    });
    child.once('exit', (code, signal) => {
      if (!this.stopping) this.crashes.push({ at: new Date().toISOString(), code, signal, stderrTail: this.stderrTail.trim() });
    });
    return new Promise<R>((resolve, reject) => {
      let buffered = '';
      let done = false;
      const timer = setTimeout(() => {
        if (done) return;
        done = true;
        this.stopping = true;
        child.kill('SIGKILL');
        reject(new Error(`${this.spec.name} not ready within ${this.spec.readyTimeoutMs} ms (see its log)`));
      }, this.spec.readyTimeoutMs);
      child.stdout!.on('data', (d: Buffer) => {
        this.log.write(d);
        if (done) return;
        buffered += String(d);
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        for (const line of lines) {
          const v = this.spec.ready(line);
          if (v !== undefined && !done) {
            done = true;
            clearTimeout(timer);
            this.info = v as R;
            resolve(v as R);
          }
        }
      });
      child.once('exit', (code, signal) => {
        this.log.write(`=== ${new Date().toISOString()} exit code ${code} signal ${signal}\n`);
        if (done) return;
        done = true;
        clearTimeout(timer);
        reject(new Error(`${this.spec.name} exited (${code ?? signal}) before it was ready`));
      });
    });
  }

  signal(sig: NodeJS.Signals): void {
    if (this.running) this.child!.kill(sig);
  }

  /** Sends `sig` and waits for the exit (SIGKILL after `graceMs`). */
  async stop(sig: NodeJS.Signals = 'SIGTERM', graceMs = 10_000): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return;
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    this.stopping = true;
    child.kill(sig);
    const t = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(t);
  }

  async restart(sig: NodeJS.Signals): Promise<R> {
    await this.stop(sig);
    return this.start();
  }

  close(): void {
    this.log.end();
  }
}
