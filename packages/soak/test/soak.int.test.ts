import { rmSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Rng } from '../src/rng.ts';
import { postgresUnavailable, renderReport, reproduceCommand, soakOn, startCluster, type Cluster, type SoakOptions } from '../src/index.ts';

/**
 * CI's short seeded soak (issue 18): ONE cluster (its own Postgres from the machine's binaries,
 * the three devnets, two APIs, two workers) and two fixed seeds run on it one after another,
 * each with its own fund, its workload and its fault schedule. Any broken invariant fails the
 * test with the report and the command that reruns the seed. Booting the cluster is most of the
 * time (tsx loads the whole API in four processes; the chains deploy T-REX).
 */
const missing = postgresUnavailable();
const SEEDS = [101, 202];
const options = (seed: number): SoakOptions => ({ seed, moreSeeds: [], durationMs: 25_000, actors: 3, drainMs: 180_000, keep: false });

let cluster: Cluster | undefined;
let anyBroken = false;
const say = (m: string) => process.stderr.write(`${m}\n`);
beforeAll(async () => {
  if (!missing) cluster = await startCluster(new Rng(SEEDS[0]!), say);
}, 600_000);
afterAll(async () => {
  await cluster?.close();
  if (cluster && !anyBroken) rmSync(cluster.runDir, { recursive: true, force: true });
}, 120_000);

for (const seed of SEEDS) {
  it.skipIf(missing !== undefined)(
    `seed ${seed}: every invariant holds under faults${missing ? ` (skipped: ${missing})` : ''}`,
    async () => {
      const before = anyBroken;
      anyBroken = true; // until this seed's invariants say otherwise: a throw keeps the logs
      const r = await soakOn(cluster!, options(seed), say);
      const report = renderReport(r);
      say(report);
      const broken = r.invariants.filter((i) => !i.ok).map((i) => `${i.name}: ${i.detail}`);
      anyBroken = before || broken.length > 0;
      expect(broken, `broken invariants (logs kept in ${r.runDir}); reproduce: ${reproduceCommand(r.options)}`).toEqual([]);
      // The run did something: requests were accepted and faults were injected.
      expect(r.stats.rows.length).toBeGreaterThan(0);
      expect(r.faults.length).toBeGreaterThan(0);
    },
    600_000,
  );
}
