/** Bounds of `npm run soak` arguments: a typo must not start a three-day run or a zero-second one. */
export const LIMITS = { seed: [0, 4_294_967_295], durationS: [10, 4 * 3600], actors: [1, 16], drainS: [30, 1800] } as const;

export interface SoakOptions {
  seed: number;
  /** More seeds to run after `seed`, one after another on the same cluster (--seed may be repeated). */
  moreSeeds: number[];
  durationMs: number;
  actors: number;
  drainMs: number;
  /** Keep the run directory (logs, Postgres data) even when every invariant holds. */
  keep: boolean;
}

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const USAGE = `usage: npm run soak -- --seed <0..4294967295> --duration <10s..4h> [--actors 1..16] [--drain 30s..30m] [--keep]
  --seed      the run's seed: workload and fault schedule are drawn from it (default: random, printed);
              repeat it to run several seeds one after another on the same cluster
  --duration  how long the workload and the faults run, e.g. 120s, 10m, 1h (default 120s)
  --actors    concurrent API clients (default 4)
  --drain     how long to wait for work in flight after the faults stop (default 240s)
  --keep      keep the run directory (logs, Postgres data) even when every invariant holds`;

/** "120", "120s", "10m", "1h" → ms. */
export function parseDuration(v: string, flag: string): number {
  const m = /^(\d{1,6})(ms|s|m|h)?$/.exec(v.trim());
  if (!m) throw new UsageError(`${flag}: "${v}" is not a duration (examples: 90s, 10m, 1h)`);
  const n = Number(m[1]);
  const unit = m[2] ?? 's';
  return n * { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 }[unit as 'ms' | 's' | 'm' | 'h'];
}

function bounded(n: number, [min, max]: readonly [number, number], flag: string, unit = ''): number {
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`${flag}: must be between ${min}${unit} and ${max}${unit}, got ${n}${unit}`);
  return n;
}

export function parseArgs(argv: string[], randomSeed: () => number): SoakOptions {
  const seeds: number[] = [];
  const o: SoakOptions = { seed: -1, moreSeeds: [], durationMs: 120_000, actors: 4, drainMs: 240_000, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    if (flag === '--keep') {
      o.keep = true;
      continue;
    }
    if (flag === '--help' || flag === '-h') throw new UsageError(USAGE);
    const value = argv[++i];
    if (value === undefined) throw new UsageError(`${flag}: needs a value\n${USAGE}`);
    switch (flag) {
      case '--seed':
        if (!/^\d{1,10}$/.test(value)) throw new UsageError(`--seed: "${value}" is not a whole number`);
        seeds.push(bounded(Number(value), LIMITS.seed, '--seed'));
        break;
      case '--duration':
        o.durationMs = bounded(Math.round(parseDuration(value, '--duration') / 1000), LIMITS.durationS, '--duration', 's') * 1000;
        break;
      case '--drain':
        o.drainMs = bounded(Math.round(parseDuration(value, '--drain') / 1000), LIMITS.drainS, '--drain', 's') * 1000;
        break;
      case '--actors':
        if (!/^\d{1,3}$/.test(value)) throw new UsageError(`--actors: "${value}" is not a whole number`);
        o.actors = bounded(Number(value), LIMITS.actors, '--actors');
        break;
      default:
        throw new UsageError(`unknown argument ${flag}\n${USAGE}`);
    }
  }
  o.seed = seeds[0] ?? randomSeed();
  o.moreSeeds = seeds.slice(1);
  return o;
}
