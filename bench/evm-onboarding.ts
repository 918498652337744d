/**
 * Onboarding N investors on one fund (identity + KYC claim + registration each): one
 * `FiscusOnboarder.onboard` transaction per investor vs `onboardBatch` transactions of up to
 * MAX_AUTHORIZE_BATCH. Same anvil, same fund, fresh investors for each way.
 */
import { devSecp256k1Signer, signerAddress, EVM_MAX_AUTHORIZE_BATCH } from '@fiscus/chain-evm';
import type { Deployment } from '@fiscus/core';
import { hexKey, sendAll, type BenchChain } from './evm-chain.ts';
import type { BenchRow } from './table.ts';

const N = Number(process.env.BENCH_EVM_ONBOARD ?? 100);

const authorizations = (tag: string) =>
  Array.from({ length: N }, () => signerAddress(devSecp256k1Signer(hexKey()))).map((address) => ({
    kind: 'authorize' as const,
    address,
    investorId: `bench-${tag}-${address}`,
    country: 840,
  }));

export async function benchEvmOnboarding(c: BenchChain, d: Deployment): Promise<BenchRow[]> {
  const one = authorizations('one');
  let t0 = performance.now();
  const single = await sendAll(c, d, one);
  const singleS = (performance.now() - t0) / 1000;

  const many = authorizations('batch');
  const chunks = [];
  for (let i = 0; i < many.length; i += EVM_MAX_AUTHORIZE_BATCH) chunks.push({ kind: 'batch' as const, items: many.slice(i, i + EVM_MAX_AUTHORIZE_BATCH) });
  t0 = performance.now();
  const batched = await sendAll(c, d, chunks);
  const batchedS = (performance.now() - t0) / 1000;

  const sum = (xs: bigint[]) => xs.reduce((a, b) => a + b, 0n);
  const perInvestor = (xs: bigint[]) => sum(xs) / BigInt(N);
  const saving = `${(100 * (1 - Number(sum(batched)) / Number(sum(single)))).toFixed(1)}% less gas`;
  return [
    { bench: 'evm onboarding', metric: `${N} investors one by one: transactions`, value: String(single.length), note: `${singleS.toFixed(2)} s` },
    { bench: 'evm onboarding', metric: `${N} investors one by one: gas per investor`, value: perInvestor(single).toString(), note: 'FiscusOnboarder.onboard' },
    {
      bench: 'evm onboarding',
      metric: `${N} investors in batches: transactions`,
      value: String(batched.length),
      note: `${EVM_MAX_AUTHORIZE_BATCH} per onboardBatch; ${batchedS.toFixed(2)} s`,
    },
    {
      bench: 'evm onboarding',
      metric: `${N} investors in batches: gas per investor`,
      value: perInvestor(batched).toString(),
      note: `${saving}; max tx gas ${batched.reduce((a, b) => (b > a ? b : a), 0n)}`,
    },
  ];
}
