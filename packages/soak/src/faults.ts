import type { Cluster, ChainKind } from './cluster.ts';
import { CHAIN_KINDS } from './cluster.ts';
import type { Rng } from './rng.ts';
import { sleep } from './api-calls.ts';

/** Each fault the soak can inject, and how often the schedule draws it. */
export const FAULT_WEIGHTS = {
  'kill-worker': 5,
  'kill-api': 3,
  'pg-restart-fast': 2,
  'pg-restart-immediate': 2,
  'pg-drop-connections': 3,
  'chain-pause': 4,
  'chain-restart': 1,
  'rpc-slow': 4,
  'rpc-lost': 4,
  'clock-skew': 2,
} as const;
export type FaultKind = keyof typeof FAULT_WEIGHTS;

/** Faults the soak cannot inject on this machine, with why (printed in the report); none at present. */
export const SKIPPED_FAULTS: Record<string, string> = {};

/** How far a clock-skew fault moves a worker's clock: up to two minutes either way, never under a second. */
export const CLOCK_SKEW_MS: readonly [number, number] = [1_000, 120_000];

export interface ScheduledFault {
  atMs: number;
  kind: FaultKind;
  /** worker/api index, or chain kind. */
  target: string;
  /** How long the fault lasts (down time, pause, proxy fault, skewed clock). */
  holdMs: number;
  /** clock-skew only: how far the worker's clock runs ahead (+) or behind (−). */
  skewMs?: number;
}

/** The whole fault schedule, drawn from the seed before the run starts (so it is printed and reproduced). */
export function drawSchedule(rng: Rng, windowMs: [number, number], gapMs: [number, number]): ScheduledFault[] {
  const out: ScheduledFault[] = [];
  let at = windowMs[0] + rng.int(0, gapMs[1]);
  while (at < windowMs[1]) {
    const kind = rng.weighted(FAULT_WEIGHTS);
    const target =
      kind === 'kill-worker' || kind === 'kill-api' || kind === 'clock-skew'
        ? String(rng.int(0, 1))
        : kind.startsWith('pg-')
          ? 'postgres'
          : rng.pick(CHAIN_KINDS);
    const holdMs =
      kind === 'chain-pause'
        ? rng.int(2_000, 10_000)
        : kind.startsWith('rpc-')
          ? rng.int(4_000, 15_000)
          : kind === 'clock-skew'
            ? rng.int(10_000, 40_000)
            : rng.int(200, 3_000);
    const skewMs = kind === 'clock-skew' ? (rng.int(0, 1) === 0 ? -1 : 1) * rng.int(...CLOCK_SKEW_MS) : undefined;
    out.push({ atMs: at, kind, target, holdMs, ...(skewMs === undefined ? {} : { skewMs }) });
    at += rng.int(gapMs[0], gapMs[1]);
  }
  return out;
}

export interface FaultLogEntry extends ScheduledFault {
  startedAt: number;
  ok: boolean;
  note?: string;
}

/**
 * Runs the schedule against the cluster. Faults overlap (a worker dies while a chain is paused),
 * but two faults on the SAME target are serialised: a lock per target.
 */
/** Faults on one process queue behind each other (a worker is not killed while its clock is being skewed). */
const lockKey = (f: ScheduledFault): string =>
  f.kind === 'kill-worker' || f.kind === 'clock-skew' ? `worker:${f.target}` : f.kind === 'kill-api' ? `api:${f.target}` : f.target;

export class FaultInjector {
  readonly log: FaultLogEntry[] = [];
  private readonly locks = new Map<string, Promise<void>>();
  private readonly pending: Promise<void>[] = [];
  constructor(
    private readonly cluster: Cluster,
    private readonly rng: Rng,
    private readonly say: (m: string) => void,
  ) {}

  async run(schedule: ScheduledFault[], t0: number, stopped: () => boolean): Promise<void> {
    for (const f of schedule) {
      const wait = t0 + f.atMs - Date.now();
      if (wait > 0) await sleep(wait);
      if (stopped()) break;
      // A fault queued behind a slow one on the same target is dropped once the load has stopped.
      this.pending.push(this.locked(lockKey(f), () => (stopped() ? Promise.resolve() : this.inject(f))));
    }
    await Promise.all(this.pending);
  }

  private locked(key: string, fn: () => Promise<void>): Promise<void> {
    const prev = this.locks.get(key) ?? Promise.resolve();
    const next = prev.then(fn, fn);
    this.locks.set(key, next);
    return next;
  }

  private async inject(f: ScheduledFault): Promise<void> {
    const entry: FaultLogEntry = { ...f, startedAt: Date.now(), ok: true };
    this.log.push(entry);
    this.say(`fault ${f.kind} ${f.target} (${f.holdMs} ms)`);
    const c = this.cluster;
    try {
      switch (f.kind) {
        case 'kill-worker':
        case 'kill-api': {
          const p = (f.kind === 'kill-worker' ? c.workers : c.apis)[Number(f.target)]!;
          await p.stop('SIGKILL');
          await sleep(f.holdMs);
          await p.start();
          break;
        }
        case 'pg-restart-fast':
        case 'pg-restart-immediate':
          await c.pg.stop(f.kind === 'pg-restart-fast' ? 'fast' : 'immediate');
          await sleep(f.holdMs);
          await c.pg.start();
          break;
        case 'pg-drop-connections':
          entry.note = `${await c.pg.terminateBackends()} connections dropped`;
          break;
        case 'chain-pause': {
          const chain = c.chains[f.target as ChainKind];
          const pid = chain.node.info!.pausePid;
          process.kill(pid, 'SIGSTOP');
          await sleep(f.holdMs);
          process.kill(pid, 'SIGCONT');
          break;
        }
        case 'chain-restart': {
          const chain = c.chains[f.target as ChainKind];
          // A restarted node keeps its blocks (a real one does): an EVM stand-in's height is compared
          // across the restart, so a devnet that came back without its newest blocks is named in the log.
          const before = f.target === 'stellar' ? undefined : await evmHeight(chain.proxy.cleanUrl);
          const ready = await chain.node.restart('SIGTERM');
          chain.proxy.retarget(ready.url);
          const after = before === undefined ? undefined : await evmHeight(chain.proxy.cleanUrl);
          entry.note = `now at ${ready.url}${before === undefined ? '' : `, block ${before} → ${after}`}`;
          if (before !== undefined && after !== undefined && after < before) {
            this.say(`fault chain-restart ${f.target}: the node came back at block ${after}, ${before - after} below ${before} (its state dump lost them)`);
          }
          break;
        }
        case 'clock-skew': {
          // A worker restarted with its clock moved, run for a while, then restarted on true time.
          const w = c.workers[Number(f.target)]!;
          await w.stop('SIGTERM');
          await w.start({ SOAK_CLOCK_SKEW_MS: String(f.skewMs ?? 0) });
          entry.note = `clock ${f.skewMs! > 0 ? '+' : ''}${f.skewMs} ms`;
          await sleep(f.holdMs);
          await w.restart('SIGTERM');
          break;
        }
        case 'rpc-slow':
        case 'rpc-lost': {
          const proxy = c.chains[f.target as ChainKind].proxy;
          proxy.setFault(f.kind === 'rpc-slow' ? { delayMs: [300, 3_000] } : { loseRate: 0.1 + this.rng.next() * 0.3 });
          await sleep(f.holdMs);
          proxy.clearFault();
          break;
        }
      }
    } catch (e) {
      entry.ok = false;
      entry.note = e instanceof Error ? e.message : String(e);
      this.say(`fault ${f.kind} ${f.target} could not be injected cleanly: ${entry.note}`);
    }
  }

  /** Brings everything back up after the run (a restart that failed is retried here). */
  async heal(): Promise<void> {
    for (const chain of Object.values(this.cluster.chains)) {
      chain.proxy.clearFault();
      if (chain.node.info) {
        try {
          process.kill(chain.node.info.pausePid, 'SIGCONT');
        } catch {}
      }
      if (!chain.node.running) chain.proxy.retarget((await chain.node.start()).url);
    }
    if (!(await this.cluster.pg.isRunning())) await this.cluster.pg.start();
    // A process that crashed by itself is restarted here (and reported by the caller from its crash record).
    for (const p of [...this.cluster.apis, ...this.cluster.workers]) if (!p.running) await p.start();
  }
}

/** The EVM node's latest block number, or undefined when it does not answer (the fault log says so). */
async function evmHeight(url: string): Promise<bigint | undefined> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_blockNumber', params: [] }),
      signal: AbortSignal.timeout(10_000),
    });
    return BigInt(((await res.json()) as { result: string }).result);
  } catch {
    return undefined;
  }
}
