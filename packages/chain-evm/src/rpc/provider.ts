import { JsonRpcProvider } from 'ethers';

/**
 * ethers v6 provider tuned per PITFALLS.md: `cacheTimeout: -1` (its 250 ms cache of
 * eth_getTransactionCount otherwise hands back stale nonces), `batchMaxCount: 1` (default
 * batching stalls ~10 ms per call) and a static network (no eth_chainId before every request).
 */
export function createEvmProvider(url: string, chainId: bigint | number): JsonRpcProvider {
  return new JsonRpcProvider(url, Number(chainId), {
    staticNetwork: true,
    cacheTimeout: -1,
    batchMaxCount: 1,
    pollingInterval: 50,
  });
}
