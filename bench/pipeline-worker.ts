/**
 * One worker process of the pipeline bench, as production runs extra workers
 * (apps/api/src/worker-main.ts): its own Postgres pool, production defaults, no periodic tasks.
 * env: FISCUS_DB (createDb options), MEMCHAIN_URL / MEMCHAIN_CHAIN / MEMCHAIN_SEED, CONCURRENCY.
 * Protocol on stdio: prints `ready` once connected, starts on a `go` line, stops on a `stop` line
 * and prints its CPU time since `go` as JSON before it exits.
 */
import { createInterface } from 'node:readline';
import { DriverRegistry, type ChainId } from '@fiscus/core';
import { MemChainDriver, ed25519Signer } from '@fiscus/devnet';
import { Worker } from '@fiscus/engine';
import { createDb } from '@fiscus/ledger';

const env = process.env;
const database = await createDb({ ...JSON.parse(env.FISCUS_DB!), migrate: false });
const driver = new MemChainDriver({
  chain: env.MEMCHAIN_CHAIN as ChainId,
  url: env.MEMCHAIN_URL!,
  signer: ed25519Signer(Buffer.from(env.MEMCHAIN_SEED!, 'hex')),
});
const worker = new Worker({ db: database.db, drivers: new DriverRegistry().register(driver), concurrency: Number(env.CONCURRENCY), tasks: [] });

let since: NodeJS.CpuUsage | undefined;
console.log('ready');
for await (const line of createInterface({ input: process.stdin })) {
  if (line === 'go') {
    since = process.cpuUsage();
    worker.start();
  } else if (line === 'stop') {
    break;
  }
}
await worker.stop();
const used = process.cpuUsage(since);
console.log(JSON.stringify({ cpuMs: (used.user + used.system) / 1000 }));
await database.close();
process.exit(0);
