/**
 * Mint to 1,000 holders on the local ledger through StellarDriver (batches of up to 100 ops):
 * transactions and operations used (floor ⌈1000/100⌉ = 10) and wall time. `BENCH=stellar npm run bench`.
 */
import { randomUUID } from 'node:crypto';
import type { SingleOperation } from '@fiscus/core';
import { LocalNetwork } from '../packages/chain-stellar/test/support/local-network.ts';
import type { BenchRow } from './table.ts';

const HOLDERS = Number(process.env.BENCH_STELLAR_HOLDERS ?? 1000);

/** Transactions and operations to authorize and mint to HOLDERS investors on the local ledger. */
export async function benchStellar(): Promise<BenchRow[]> {
  const net = await LocalNetwork.start();
  try {
    const driver = net.driver();
    net.deployment = await driver.deploy({ id: `fund_${randomUUID()}`, name: 'Bench Fund', symbol: 'BENCH', decimals: 6 });
    const holders = net.newInvestors(HOLDERS);
    await new Promise((r) => setImmediate(r));
    const signer = driver.signerFor({ kind: 'pause' }, net.deployment);
    let seq = await driver.nextSequence(signer);
    const chunks = (ops: SingleOperation[]) => Array.from({ length: Math.ceil(ops.length / 100) }, (_, i) => ops.slice(i * 100, i * 100 + 100));
    const run = async (ops: SingleOperation[]) => {
      let txs = 0;
      for (const items of chunks(ops)) {
        const tx = await driver.prepare({ kind: 'batch', items }, { deployment: net.deployment!, sequence: seq++ });
        const r = await driver.submit(tx);
        if (r.kind !== 'accepted') throw new Error(`submit: ${JSON.stringify(r)}`);
        const s = await driver.status(tx);
        if (s.kind !== 'confirmed') throw new Error(`status: ${s.kind}`);
        txs++;
      }
      return txs;
    };
    const t0 = performance.now();
    const authTxs = await run(holders.map((address) => ({ kind: 'authorize', address, investorId: 'bench', country: 840 })));
    const t1 = performance.now();
    const mintTxs = await run(holders.map((to) => ({ kind: 'mint', to, units: 1_000_000n })));
    const t2 = performance.now();
    const supply = await driver.totalSupply(net.deployment);
    if (supply !== BigInt(HOLDERS) * 1_000_000n) throw new Error(`supply ${supply}`);
    return [
      {
        bench: 'stellar mint',
        metric: `${HOLDERS} holders: transactions`,
        value: String(mintTxs),
        note: `floor ⌈${HOLDERS}/100⌉ = ${Math.ceil(HOLDERS / 100)}; ${HOLDERS} operations; ${Math.round(t2 - t1)} ms`,
      },
      {
        bench: 'stellar authorize',
        metric: `${HOLDERS} holders: transactions`,
        value: String(authTxs),
        note: `${HOLDERS} setTrustLineFlags operations; ${Math.round(t1 - t0)} ms`,
      },
    ];
  } finally {
    await net.close();
  }
}
