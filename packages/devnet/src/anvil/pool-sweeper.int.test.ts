import { describe, expect, it } from 'vitest';
import { JsonRpcProvider, Wallet } from 'ethers';
import { startAnvil } from './node.ts';

/**
 * A ready transfer left in the pool of a node that mines nothing by itself (`--no-mining`): the
 * state automine leaves a signer in when more ready transactions wait than one block holds — the
 * last of them waits for another arrival. Whether automine leaves one behind depends on how fast
 * its miner drains the pool's notifications (a loaded CI machine sometimes mines them all), so the
 * stuck state is set up directly; the sweeper alone must mine it, and mine no empty blocks.
 */
async function strandedTransfer(sweepMs?: number): Promise<{ minedAfter: number; blocksAfterIdle: number }> {
  const anvil = await startAnvil({ extraArgs: ['--no-mining'], sweepMs });
  const provider = new JsonRpcProvider(anvil.url, undefined, { staticNetwork: true });
  try {
    const w = Wallet.createRandom().connect(provider);
    await anvil.cheats.setBalance(w.address, 10n ** 20n);
    const tx = { to: w.address, value: 1n, nonce: 0, gasLimit: 21_000n, maxFeePerGas: 10n ** 11n, maxPriorityFeePerGas: 1n, chainId: 31_337n, type: 2 };
    await provider.send('eth_sendRawTransaction', [await w.signTransaction(tx)]);
    await new Promise((r) => setTimeout(r, 1_000));
    const minedAfter = await provider.getTransactionCount(w.address);
    const blocks = await provider.getBlockNumber();
    await new Promise((r) => setTimeout(r, 500));
    return { minedAfter, blocksAfterIdle: (await provider.getBlockNumber()) - blocks };
  } finally {
    provider.destroy();
    await anvil.stop();
  }
}

describe('pool sweeper', () => {
  it('without it, a ready transaction nothing else follows stays in the pool', async () => {
    expect((await strandedTransfer()).minedAfter).toBe(0);
  });

  it('with sweepMs, the stranded transaction is mined, and an empty pool mines no blocks', async () => {
    expect(await strandedTransfer(100)).toEqual({ minedAfter: 1, blocksAfterIdle: 0 });
  });
});
