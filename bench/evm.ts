/**
 * EVM (T-REX + ONCHAINID on anvil) figures, all measured in one run on one anvil:
 * gas per mint / transfer / forcedTransfer / batchMint holder with our modules beside T-REX's
 * nearest modules (CountryRestrict + MaxBalance) and no modules; a 1,000-holder batch mint;
 * engine mint end to end (PGlite) vs a direct signed send. Standalone: `npx tsx bench/evm.ts`;
 * in `npm run bench` once run.ts registers `evm: benchEvm`. BENCH_EVM_HOLDERS=1000 by default.
 */
import { devSecp256k1Signer, signerAddress } from '@fiscus/chain-evm';
import type { Deployment } from '@fiscus/core';
import { benchSuites, holderTransfer, investors, sendAll, startBenchChain, type BenchChain } from './evm-chain.ts';
import { benchEvmEngine } from './evm-engine.ts';
import { benchEvmOnboarding } from './evm-onboarding.ts';
import { printTable, type BenchRow } from './table.ts';

const HOLDERS = Number(process.env.BENCH_EVM_HOLDERS ?? 1000);
const BATCH = 100;

interface GasFigures {
  mint: bigint;
  transfer: bigint;
  forcedTransfer: bigint;
  batchMintPerHolder: bigint;
}

async function gasFigures(c: BenchChain, d: Deployment): Promise<GasFigures> {
  const [a, b, x] = await investors(c, d, 3);
  const [mint] = await sendAll(c, d, [{ kind: 'mint', to: a!.address, units: 1_000n }]);
  await sendAll(c, d, [{ kind: 'mint', to: b!.address, units: 1_000n }]);
  const transfer = await holderTransfer(c, d, a!.key, b!.address, 10n); // both already hold: steady-state transfer
  const [forcedTransfer] = await sendAll(c, d, [{ kind: 'forceTransfer', from: b!.address, to: x!.address, units: 5n }]);
  const batch = await investors(c, d, BATCH);
  const [batchGas] = await sendAll(c, d, [{ kind: 'batch', items: batch.map((h) => ({ kind: 'mint' as const, to: h.address, units: 1n })) }]);
  return { mint: mint!, transfer, forcedTransfer: forcedTransfer!, batchMintPerHolder: batchGas! / BigInt(BATCH) };
}

export async function benchEvm(): Promise<BenchRow[]> {
  const c = await startBenchChain();
  const rows: BenchRow[] = [];
  try {
    const suites = await benchSuites(c);
    const figures = { ours: await gasFigures(c, suites.ours), trex: await gasFigures(c, suites.trex), none: await gasFigures(c, suites.none) };
    const label: Record<keyof typeof figures, string> = { ours: 'Fiscus modules', trex: 'T-REX CountryRestrict+MaxBalance', none: 'no modules' };
    for (const metric of ['mint', 'transfer', 'forcedTransfer', 'batchMintPerHolder'] as const) {
      for (const k of ['ours', 'trex', 'none'] as const) {
        rows.push({
          bench: 'evm gas',
          metric: `${metric} (${label[k]})`,
          value: figures[k][metric].toString(),
          note: k === 'ours' ? ratio(figures.ours[metric], figures.trex[metric]) : '',
        });
      }
    }
    const newWallet = signerAddress(devSecp256k1Signer());
    const [authorize] = await sendAll(c, suites.ours, [{ kind: 'authorize', address: newWallet, investorId: 'bench-auth', country: 840 }]);
    rows.push({
      bench: 'evm gas',
      metric: 'authorize (identity + KYC claim + registration, 1 tx)',
      value: authorize!.toString(),
      note: 'FiscusOnboarder.onboard',
    });
    rows.push(...(await benchEvmOnboarding(c, suites.ours)));
    rows.push(...(await bigBatch(c, suites.ours)));
    rows.push(...(await benchEvmEngine(c)));
  } finally {
    await c.close();
  }
  return rows;
}

async function bigBatch(c: BenchChain, d: Deployment): Promise<BenchRow[]> {
  const started = performance.now();
  const holders = await investors(c, d, HOLDERS);
  const onboardS = (performance.now() - started) / 1000;
  const chunks: { kind: 'batch'; items: { kind: 'mint'; to: string; units: bigint }[] }[] = [];
  for (let i = 0; i < holders.length; i += BATCH)
    chunks.push({ kind: 'batch', items: holders.slice(i, i + BATCH).map((h) => ({ kind: 'mint', to: h.address, units: 1_000_000n })) });
  const t0 = performance.now();
  const gas = await sendAll(c, d, chunks);
  const total = gas.reduce((a, b) => a + b, 0n);
  const supply = await c.driver.totalSupply(d);
  return [
    {
      bench: 'evm batch mint',
      metric: `${HOLDERS} new holders: transactions`,
      value: String(gas.length),
      note: `${BATCH} holders per batchMint; max tx gas ${gas.reduce((a, b) => (b > a ? b : a), 0n)}`,
    },
    {
      bench: 'evm batch mint',
      metric: `${HOLDERS} new holders: gas per holder`,
      value: (total / BigInt(HOLDERS)).toString(),
      note: `${((performance.now() - t0) / 1000).toFixed(2)} s to mint; onboarding ${HOLDERS} took ${onboardS.toFixed(1)} s; supply ${supply}`,
    },
  ];
}

const ratio = (a: bigint, b: bigint) => `${(Number(a) / Number(b)).toFixed(2)}× T-REX`;

if (import.meta.url === `file://${process.argv[1]}`) printTable(await benchEvm());
