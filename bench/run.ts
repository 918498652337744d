/**
 * `npm run bench`: every benchmark in one run, printed as one table. Figures that are compared
 * (ratios) are always measured in the same run on the same machine.
 * BENCH=name,name runs a subset.
 */
import { benchApi } from './api.ts';
import { benchAvalanche } from './avalanche.ts';
import { benchEvm } from './evm.ts';
import { benchPipeline } from './pipeline.ts';
import { benchStellar } from './stellar.ts';
import { benchYield } from './yield.ts';
import { benchReconcile } from './reconcile.ts';
import { benchReads } from './reads.ts';
import { benchMoves } from './moves.ts';
import { benchConsole } from './console.ts';
import { benchSigners } from './signers.ts';
import { benchHttp } from './http.ts';
import { benchSettlement } from './settlement.ts';
import { printTable, type BenchRow } from './table.ts';

const BENCHES: Record<string, () => Promise<BenchRow[]>> = {
  pipeline: benchPipeline,
  stellar: benchStellar,
  evm: benchEvm,
  api: benchApi,
  yield: benchYield,
  reconcile: benchReconcile,
  reads: benchReads,
  avalanche: benchAvalanche,
  moves: benchMoves,
  console: benchConsole,
  signers: benchSigners,
  http: benchHttp,
  settlement: benchSettlement,
};

const selected = process.env.BENCH ? process.env.BENCH.split(',') : Object.keys(BENCHES);
const rows: BenchRow[] = [];
for (const name of selected) {
  const bench = BENCHES[name];
  if (!bench) throw new Error(`unknown bench ${name}; known: ${Object.keys(BENCHES).join(', ')}`);
  process.stderr.write(`running ${name}…\n`);
  rows.push(...(await bench()));
}
printTable(rows);
