import type { Provider, TransactionReceipt } from 'ethers';
import { FiscusError } from '@fiscus/core';

/**
 * Polls for a transaction's receipt. Not provider.waitForTransaction: when its first read misses
 * the receipt it waits for a NEW block event, and on an automining devnet no further block may
 * ever come (seen as 60 s test hangs on a loaded machine).
 */
export async function waitForReceipt(provider: Provider, hash: string, timeoutMs = 60_000): Promise<TransactionReceipt> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const receipt = await provider.getTransactionReceipt(hash);
    if (receipt) return receipt;
    if (Date.now() > deadline) throw new FiscusError('CHAIN_UNAVAILABLE', `transaction ${hash} not mined within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
