import { spawn, type ChildProcess } from 'node:child_process';
import { anvilBinary } from './binary.ts';
import { ANVIL_DEV_CHAIN_ID } from './keys.ts';
import { installMulticall3 } from './multicall3.ts';
import { sweepPool } from './pool-sweeper.ts';
import { anvilCheats, anvilRpc, type AnvilCheats } from './rpc.ts';

export interface AnvilOptions {
  /** Default 31337 (anvil's devnet id). */
  chainId?: number;
  /** Seconds between blocks; absent = automine (a block per transaction, as tests want). */
  blockTimeSeconds?: number;
  /**
   * With automine: every N ms, mine a block if ready transactions still wait in the pool (a
   * backlog larger than one block: pool-sweeper.ts). Off by default: the fee-replacement tests
   * keep underpriced transactions pending on purpose.
   */
  sweepMs?: number;
  /** Funded default accounts to create; default 3 (fewer accounts start faster). */
  accounts?: number;
  /** Loads chain state from this file at start and writes it back on stop (`npm start` keeps its chain). */
  statePath?: string;
  /** With statePath: also dump every N seconds, so a killed process loses at most N seconds. */
  stateIntervalSeconds?: number;
  /** How long a stop waits for anvil to write statePath before killing it (default 120 s; a bench's GB-sized state needs longer). */
  stateDumpGraceMs?: number;
  /** Default 0: the OS picks a free port and anvil reports it, so parallel test files never collide. */
  port?: number;
  startTimeoutMs?: number;
  extraArgs?: string[];
}

export interface AnvilNode {
  readonly url: string;
  readonly port: number;
  readonly chainId: number;
  readonly pid: number;
  readonly cheats: AnvilCheats;
  stop(): Promise<void>;
}

const LISTENING = /Listening on 127\.0\.0\.1:(\d+)/;

/** Starts anvil on 127.0.0.1 and resolves once it answers JSON-RPC. */
export async function startAnvil(opts: AnvilOptions = {}): Promise<AnvilNode> {
  const chainId = opts.chainId ?? ANVIL_DEV_CHAIN_ID;
  const args = [
    '--host',
    '127.0.0.1',
    '--port',
    String(opts.port ?? 0),
    '--chain-id',
    String(chainId),
    '--accounts',
    String(opts.accounts ?? 3),
    // TREXFactory's runtime code is 25,125 bytes, above EIP-170's 24,576.
    '--disable-code-size-limit',
    ...(opts.blockTimeSeconds ? ['--block-time', String(opts.blockTimeSeconds)] : []),
    ...(opts.statePath ? ['--state', opts.statePath] : []),
    ...(opts.statePath && opts.stateIntervalSeconds ? ['--state-interval', String(opts.stateIntervalSeconds)] : []),
    ...(opts.extraArgs ?? []),
  ];
  const proc = spawn(anvilBinary(), args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const killOnExit = () => proc.kill('SIGKILL');
  process.once('exit', killOnExit); // never leave an orphan anvil behind a crashed test run
  try {
    const port = await listeningPort(proc, opts.startTimeoutMs ?? 15_000);
    const url = `http://127.0.0.1:${port}`;
    await anvilRpc(url, 'eth_chainId');
    // Public chains have Multicall3 at its canonical address; the devnet too, so batched reads run the same path.
    await installMulticall3(url);
    // With a state file, a stop must let anvil finish writing it: a dump of tens of MB on a loaded
    // machine outlasted the 5 s grace, the SIGKILL left the last interval's dump, and the chain came
    // back without its latest blocks (the soak's chain-restart, seed 53: a posted mint vanished).
    const graceMs = opts.statePath ? (opts.stateDumpGraceMs ?? STATE_DUMP_GRACE_MS) : STOP_GRACE_MS;
    const sweeper = opts.sweepMs && !opts.blockTimeSeconds ? sweepPool(url, opts.sweepMs) : undefined;
    const stop = () => {
      sweeper?.stop();
      return stopProcess(proc, killOnExit, graceMs);
    };
    return { url, port, chainId, pid: proc.pid!, cheats: anvilCheats(url), stop };
  } catch (e) {
    await stopProcess(proc, killOnExit);
    throw e;
  }
}

/** Waits for anvil's "Listening on" line; keeps draining output afterwards so its pipe never fills. */
function listeningPort(proc: ChildProcess, timeoutMs: number): Promise<number> {
  let tail = '';
  const keep = (d: Buffer) => (tail = (tail + d.toString()).slice(-4_000));
  proc.stderr!.on('data', keep);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`anvil did not start within ${timeoutMs} ms:\n${tail}`)), timeoutMs);
    const onData = (d: Buffer) => {
      keep(d);
      const m = LISTENING.exec(tail);
      if (!m) return;
      clearTimeout(timer);
      proc.stdout!.off('data', onData);
      proc.stdout!.resume(); // discard the per-transaction log from now on
      resolve(Number(m[1]));
    };
    proc.stdout!.on('data', onData);
    proc.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`anvil exited (${code ?? signal}) before listening:\n${tail}`));
    });
  });
}

const STOP_GRACE_MS = 5_000;
export const STATE_DUMP_GRACE_MS = 120_000;

/** SIGTERM (anvil writes --state on a clean exit), SIGKILL if it lingers past `graceMs`. */
export function stopProcess(proc: ChildProcess, killOnExit: () => void, graceMs = STOP_GRACE_MS): Promise<void> {
  process.off('exit', killOnExit);
  if (proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => proc.kill('SIGKILL'), graceMs);
    proc.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    proc.kill('SIGTERM');
  });
}
