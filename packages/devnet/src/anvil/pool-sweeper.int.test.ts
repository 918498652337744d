import { describe, expect, it } from 'vitest';
import { JsonRpcProvider, Wallet } from 'ethers';
import { startAnvil } from './node.ts';

/**
 * Three ready transfers of one sender where a block holds two (gas limit 50,000; 21,000 each),
 * the missing nonce sent last: automine mines one full block, and the third transfer is left in
 * the pool until something else arrives — unless the node sweeps its pool.
 */
async function backlog(sweepMs?: number): Promise<{ minedAtOnce: number; minedAfter: number }> {
  const anvil = await startAnvil({ extraArgs: ['--gas-limit', '50000'], sweepMs });
  const provider = new JsonRpcProvider(anvil.url, undefined, { staticNetwork: true });
  try {
    const w = Wallet.createRandom().connect(provider);
    await anvil.cheats.setBalance(w.address, 10n ** 20n);
    const tx = { to: w.address, value: 1n, gasLimit: 21_000n, maxFeePerGas: 10n ** 11n, maxPriorityFeePerGas: 1n, chainId: 31_337n, type: 2 };
    for (const nonce of [1, 2, 0]) await provider.send('eth_sendRawTransaction', [await w.signTransaction({ ...tx, nonce })]);
    const minedAtOnce = await provider.getTransactionCount(w.address);
    await new Promise((r) => setTimeout(r, 1_000));
    return { minedAtOnce, minedAfter: await provider.getTransactionCount(w.address) };
  } finally {
    provider.destroy();
    await anvil.stop();
  }
}

describe('pool sweeper', () => {
  it('automine alone leaves the ready transaction that did not fit in the block', async () => {
    expect(await backlog()).toEqual({ minedAtOnce: 2, minedAfter: 2 });
  });

  it('with sweepMs, the left-over transaction is mined without waiting for another one', async () => {
    const r = await backlog(100);
    expect(r.minedAfter).toBe(3);
  });
});
