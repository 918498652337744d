import type { JsonRpcProvider } from 'ethers';

const GWEI = 1_000_000_000n;

export interface Eip1559Fees {
  maxFeePerGas: bigint;
  maxPriorityFeePerGas: bigint;
}

/**
 * EIP-1559 fees: tip from the node (1 gwei when it has no opinion), cap = 2 × base fee + tip, so
 * the transaction stays includable through several full blocks of base-fee increases.
 */
export async function eip1559Fees(provider: JsonRpcProvider): Promise<Eip1559Fees> {
  const block = await provider.getBlock('latest');
  const baseFee = block?.baseFeePerGas ?? GWEI;
  let tip = GWEI;
  try {
    tip = BigInt(await provider.send('eth_maxPriorityFeePerGas', []));
  } catch {
    // node without the method: keep the default tip
  }
  return { maxPriorityFeePerGas: tip, maxFeePerGas: baseFee * 2n + tip };
}

/** Gas limit from an estimate with a 25% margin (state can change between estimate and inclusion). */
export const withMargin = (estimate: bigint) => (estimate * 125n) / 100n + 10_000n;
