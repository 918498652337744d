/**
 * Mint to 1,000 holders on the local ledger through StellarDriver (batches of up to 100 ops).
 * Prints transactions and operations used (floor ⌈1000/100⌉ = 10) and wall time.
 * Run: npx tsx packages/chain-stellar/bench/stellar.ts [holders]
 */
import { randomUUID } from 'node:crypto';
import type { SingleOperation } from '@fiscus/core';
import { LocalNetwork } from '../test/support/local-network.ts';

const HOLDERS = Number(process.argv[2] ?? 1000);
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
  console.log(JSON.stringify({
    holders: HOLDERS,
    authorize: { transactions: authTxs, operations: HOLDERS, ms: Math.round(t1 - t0) },
    mint: { transactions: mintTxs, operations: HOLDERS, floor: Math.ceil(HOLDERS / 100), ms: Math.round(t2 - t1) },
    totalSupplyUnits: supply.toString(),
  }, null, 2));
} finally {
  await net.close();
}
