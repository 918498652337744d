import { rmSync } from 'node:fs';
import postgres from 'postgres';
import { Apis, sleep } from './api-calls.ts';
import type { SoakOptions } from './args.ts';
import { startCluster, type Cluster } from './cluster.ts';
import { drawSchedule, FaultInjector } from './faults.ts';
import { checkInvariants, drain } from './invariants.ts';
import { renderReport, type SoakResult } from './report.ts';
import { Rng } from './rng.ts';
import { Workload } from './workload.ts';

/** Load starts at once; faults start a little later (the first requests see a healthy system) and stop before the load does. */
const FAULT_START_MS = 5_000;
const FAULT_QUIET_END_MS = 5_000;

/**
 * One soak run on a fresh cluster (its own Postgres, chains, APIs and workers), removed afterwards
 * unless an invariant broke or `keep` is set.
 */
export async function runSoak(o: SoakOptions, sayLine: (m: string) => void = (m) => process.stderr.write(`${m}\n`)): Promise<SoakResult[]> {
  const t0 = Date.now();
  const say = (m: string) => sayLine(`[${((Date.now() - t0) / 1000).toFixed(1).padStart(6)} s] ${m}`);
  const cluster = await startCluster(new Rng(o.seed).fork(3), say);
  let keep = o.keep;
  // Interrupted (Ctrl-C, kill): stop what the cluster started, or its Postgres, chains and workers outlive us.
  const interrupted = (sig: NodeJS.Signals) => {
    say(`${sig}: stopping the cluster; run directory kept: ${cluster.runDir}`);
    void cluster.close().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    const results: SoakResult[] = [];
    for (const seed of [o.seed, ...o.moreSeeds]) {
      const r = await soakOn(cluster, { ...o, seed, moreSeeds: [] }, say);
      sayLine(renderReport(r));
      if (!r.ok) keep = true;
      results.push(r);
    }
    return results;
  } catch (e) {
    keep = true;
    throw e;
  } finally {
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
    await cluster.close();
    if (!keep) rmSync(cluster.runDir, { recursive: true, force: true });
    else say(`run directory kept: ${cluster.runDir}`);
  }
}

/**
 * The seeded part of a run, on a cluster that is up: set up a fund on the three chains, run the
 * workload and the fault schedule together, heal everything, replay unanswered requests, wait
 * for work in flight, check the invariants. Never throws for a broken invariant: the result says.
 * Several seeds may run one after another on one cluster (each on its own fund).
 */
export async function soakOn(cluster: Cluster, o: SoakOptions, say: (m: string) => void): Promise<SoakResult> {
  const t0 = Date.now();
  const root = new Rng(o.seed);
  const workloadRng = root.fork(1);
  const faultRng = root.fork(2);
  const schedule = drawSchedule(faultRng, [FAULT_START_MS, Math.max(FAULT_START_MS + 1, o.durationMs - FAULT_QUIET_END_MS)], [3_000, 12_000]);
  say(`soak seed ${o.seed}: ${schedule.length} faults scheduled over ${Math.round(o.durationMs / 1000)} s`);
  const sql = postgres(cluster.pg.url, { max: 2, onnotice: () => {}, idle_timeout: 5 });
  try {
    const apis = new Apis(
      cluster.apis.map((a) => a.info!.url),
      cluster.adminKey,
      workloadRng.fork(7),
    );
    const workload = new Workload(apis, cluster.chains.stellar.proxy.cleanUrl, {
      ethereum: cluster.chains.ethereum.proxy.cleanUrl,
      avalanche: cluster.chains.avalanche.proxy.cleanUrl,
    });
    const setup = await workload.prepare(3);
    say(`fund ${setup.fundId} deployed on 3 chains, ${setup.holders.length} investors onboarded`);

    const injector = new FaultInjector(cluster, faultRng.fork(5), say);
    const loadStart = Date.now();
    let stopped = false;
    const load = workload.run(
      Array.from({ length: o.actors }, (_, i) => workloadRng.fork(100 + i)),
      [200, 1_500],
    );
    const faults = injector.run(schedule, loadStart, () => stopped);
    await sleep(o.durationMs);
    stopped = true;
    workload.stop();
    await Promise.all([load, faults]);
    say('load and faults stopped; healing and draining');
    await injector.heal();
    await workload.replayUnanswered();
    const left = await drain(sql, o.drainMs, say);
    say('drained; checking invariants');
    const invariants = await checkInvariants({ cluster, apis, sql, fundId: setup.fundId, stats: workload.stats, leftInFlight: left });
    // A process that died by itself (not a fault's SIGKILL) is a failure even when the books hold.
    const crashed = [...cluster.apis, ...cluster.workers, ...Object.values(cluster.chains).map((c) => c.node)].flatMap((p) =>
      p.crashes.splice(0).map((c) => `${p.spec.name} at ${c.at} (exit ${c.code ?? c.signal}): ${c.stderrTail.split('\n').slice(-6).join(' | ')}`),
    );
    invariants.push({ name: 'no process died on its own', ok: crashed.length === 0, detail: crashed.length ? crashed.join('\n           ') : '0 crashes' });
    const opRows = await sql`SELECT kind || ' ' || state AS k, count(*)::int AS n FROM operations WHERE fund_id = ${setup.fundId} GROUP BY 1`;
    return {
      options: o,
      stats: workload.stats,
      faults: injector.log,
      proxy: Object.fromEntries(Object.values(cluster.chains).map((c) => [c.kind, { lost: c.proxy.lost, delayed: c.proxy.delayed }])),
      restarts: Object.fromEntries(
        [...cluster.apis, ...cluster.workers, ...Object.values(cluster.chains).map((c) => c.node)].map((p) => [p.spec.name, p.restarts]),
      ),
      invariants,
      operationsByState: Object.fromEntries(opRows.map((r) => [r.k as string, r.n as number])),
      elapsedMs: Date.now() - t0,
      runDir: cluster.runDir,
      ok: invariants.every((i) => i.ok),
    };
  } finally {
    await sql.end({ timeout: 2 }).catch(() => {});
  }
}
