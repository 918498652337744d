/** One measured figure; every bench returns rows and run.ts prints them as one table. */
export interface BenchRow {
  bench: string;
  metric: string;
  value: string;
  note?: string;
}

export function printTable(rows: BenchRow[]): void {
  const head: BenchRow = { bench: 'bench', metric: 'metric', value: 'value', note: 'note' };
  const all = [head, ...rows];
  const w = (k: keyof BenchRow) => Math.max(...all.map((r) => (r[k] ?? '').length));
  const widths = { bench: w('bench'), metric: w('metric'), value: w('value') };
  const line = (r: BenchRow) => `| ${r.bench.padEnd(widths.bench)} | ${r.metric.padEnd(widths.metric)} | ${r.value.padStart(widths.value)} | ${r.note ?? ''}`;
  console.log(line(head));
  console.log(`|${'-'.repeat(widths.bench + 2)}|${'-'.repeat(widths.metric + 2)}|${'-'.repeat(widths.value + 2)}|------`);
  for (const r of rows) console.log(line(r));
}
