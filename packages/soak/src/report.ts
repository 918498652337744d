import type { SoakOptions } from './args.ts';
import { SKIPPED_FAULTS, type FaultLogEntry } from './faults.ts';
import type { InvariantResult } from './invariants.ts';
import type { WorkloadStats } from './workload.ts';

export interface SoakResult {
  options: SoakOptions;
  stats: WorkloadStats;
  faults: FaultLogEntry[];
  proxy: Record<string, { lost: number; delayed: number }>;
  restarts: Record<string, number>;
  invariants: InvariantResult[];
  operationsByState: Record<string, number>;
  elapsedMs: number;
  runDir: string;
  ok: boolean;
}

export const reproduceCommand = (o: SoakOptions) =>
  `npm run soak -- --seed ${o.seed} --duration ${Math.round(o.durationMs / 1000)}s --actors ${o.actors} --drain ${Math.round(o.drainMs / 1000)}s --keep`;

const table = (m: Record<string, number>) =>
  Object.entries(m)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `    ${k.padEnd(44)} ${v}`)
    .join('\n') || '    (none)';

/** The human report: workload, faults by kind, each invariant, and how to run this seed again. */
export function renderReport(r: SoakResult): string {
  const faultsByKind: Record<string, number> = {};
  for (const f of r.faults) faultsByKind[f.kind + (f.ok ? '' : ' (not clean)')] = (faultsByKind[f.kind + (f.ok ? '' : ' (not clean)')] ?? 0) + 1;
  const lines = [
    `\n=== fiscus soak: seed ${r.options.seed}, ${Math.round(r.options.durationMs / 1000)} s of load, ${r.options.actors} actors, ${Math.round(r.elapsedMs / 1000)} s in all`,
    '  workload (attempted):',
    table(r.stats.attempted),
    '  workload (accepted):',
    table(r.stats.accepted),
    "  investors' own settlement-contract calls (by outcome):",
    table(r.stats.onChain),
    '  refused (4xx, by code):',
    table(r.stats.refused),
    '  operations by final state:',
    table(r.operationsByState),
    `  faults injected (${r.faults.length}):`,
    table(faultsByKind),
    `  proxy: ${Object.entries(r.proxy)
      .map(([k, v]) => `${k} ${v.lost} answers lost, ${v.delayed} delayed`)
      .join('; ')}`,
    `  process restarts: ${Object.entries(r.restarts)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
    `  skipped: ${Object.entries(SKIPPED_FAULTS)
      .map(([k, v]) => `${k} (${v})`)
      .join('; ')}`,
    '  invariants:',
    ...r.invariants.map((i) => `    [${i.ok ? 'ok  ' : 'FAIL'}] ${i.name}\n           ${i.detail}`),
    r.ok ? '  result: every invariant held' : `  result: INVARIANT BROKEN; logs and Postgres data kept in ${r.runDir}`,
    `  reproduce: ${reproduceCommand(r.options)}`,
  ];
  return lines.join('\n');
}
