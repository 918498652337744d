import type { JsonRpcProvider } from 'ethers';

const GWEI = 1_000_000_000n;

export interface Eip1559Fees {
  maxFeePerGas: bigint;
  maxPriorityFeePerGas: bigint;
}

/**
 * The bounded fee policy of operation transactions: no bid above `maxFeePerGas`, and each
 * replacement at the same nonce raises both fee fields by `bumpPercent` (nodes refuse a
 * replacement below +10%: geth's default price bump).
 */
export interface FeePolicy {
  maxFeePerGas: bigint;
  bumpPercent: bigint;
}

export const DEFAULT_FEE_POLICY: FeePolicy = { maxFeePerGas: 1_000n * GWEI, bumpPercent: 25n };

/** `maxFeeGwei` (a whole number of gwei, from configuration) as a fee policy; unset = the default cap. */
export function feePolicyFromGwei(maxFeeGwei: string | undefined): Partial<FeePolicy> {
  return maxFeeGwei ? { maxFeePerGas: BigInt(maxFeeGwei) * GWEI } : {};
}

/** Nodes accept a replacement only at ≥ 110% of the pending transaction's fee fields. */
const MIN_BUMP_PERCENT = 10n;

/**
 * EIP-1559 fees: tip from the node (1 gwei when it has no opinion), cap = 2 × base fee + tip, so
 * the transaction stays includable through several full blocks of base-fee increases — never
 * above the policy's cap (`uncapped` only for a filler, whose 21,000 gas bounds the cost).
 */
export async function eip1559Fees(provider: JsonRpcProvider, policy: FeePolicy = DEFAULT_FEE_POLICY, uncapped = false): Promise<Eip1559Fees> {
  const [block, tip] = await Promise.all([
    provider.getBlock('latest'),
    // A node without the method: the default tip.
    provider
      .send('eth_maxPriorityFeePerGas', [])
      .then((tip: string) => BigInt(tip))
      .catch(() => GWEI),
  ]);
  const baseFee = block?.baseFeePerGas ?? GWEI;
  const wanted = baseFee * 2n + tip;
  const maxFeePerGas = uncapped || wanted <= policy.maxFeePerGas ? wanted : policy.maxFeePerGas;
  return { maxPriorityFeePerGas: min(tip, maxFeePerGas), maxFeePerGas };
}

/**
 * Fees for a replacement of `previous` at the same nonce: `bumpPercent` over both its fields
 * (rounded up), at least what the market asks now, at most the cap unless `uncapped`. Null
 * when the cap leaves less than the +10% a node requires: the transaction can only wait.
 */
export function bumpedFees(previous: Eip1559Fees, market: Eip1559Fees, policy: FeePolicy, uncapped = false): Eip1559Fees | null {
  const up = (x: bigint, percent: bigint) => (x * (100n + percent) + 99n) / 100n;
  let maxFeePerGas = max(up(previous.maxFeePerGas, policy.bumpPercent), market.maxFeePerGas);
  if (!uncapped) maxFeePerGas = min(maxFeePerGas, policy.maxFeePerGas);
  const maxPriorityFeePerGas = min(max(up(previous.maxPriorityFeePerGas, policy.bumpPercent), market.maxPriorityFeePerGas), maxFeePerGas);
  if (maxFeePerGas < up(previous.maxFeePerGas, MIN_BUMP_PERCENT) || maxPriorityFeePerGas < up(previous.maxPriorityFeePerGas, MIN_BUMP_PERCENT)) return null;
  return { maxFeePerGas, maxPriorityFeePerGas };
}

/** Gas limit from an estimate with a 25% margin (state can change between estimate and inclusion). */
export const withMargin = (estimate: bigint) => (estimate * 125n) / 100n + 10_000n;

const min = (a: bigint, b: bigint) => (a < b ? a : b);
const max = (a: bigint, b: bigint) => (a > b ? a : b);
