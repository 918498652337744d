/**
 * The P-Chain's dynamic fee (ACP-103, avalanchego vms/components/gas): a tx pays
 * gas(complexity) × price, price = minPrice · e^(excess / K) (the integer "fake exponential"),
 * excess grows by the gas each accepted tx consumes and decays by targetPerSecond every second;
 * capacity refills at maxPerSecond up to maxCapacity and a tx needing more gas than is left fails.
 */

export interface FeeConfig {
  /** bandwidth, dbRead, dbWrite, compute */
  weights: [number, number, number, number];
  maxCapacity: bigint;
  maxPerSecond: bigint;
  targetPerSecond: bigint;
  minPrice: bigint;
  excessConversionConstant: bigint;
}

export interface GasState {
  capacity: bigint;
  excess: bigint;
  /** Unix seconds of the last advance (the chain timestamp). */
  time: number;
}

/** avalanchego genesis/genesis_local.go LocalParams.DynamicFeeConfig (also mainnet's). */
export const LOCAL_FEE_CONFIG: FeeConfig = {
  weights: [1, 1000, 1000, 4],
  maxCapacity: 1_000_000n,
  maxPerSecond: 100_000n,
  targetPerSecond: 50_000n,
  minPrice: 1n,
  excessConversionConstant: 2_164_043n,
};

/** gas.CalculatePrice: Taylor series of minPrice·e^(excess/K), saturating at 2^64-1. */
export function gasPrice(cfg: FeeConfig, excess: bigint): bigint {
  const max = (1n << 64n) - 1n;
  const k = cfg.excessConversionConstant;
  let output = 0n;
  let acc = cfg.minPrice * k;
  for (let i = 1n; acc > 0n; i++) {
    output += acc;
    if (output >= k * max) return max;
    acc = (acc * excess) / k / i;
  }
  return output / k;
}

/** State.AdvanceTime: whole seconds only, as the P-Chain's block timestamps are seconds. */
export function advance(cfg: FeeConfig, s: GasState, nowSec: number): GasState {
  const dt = BigInt(Math.max(0, nowSec - s.time));
  const capacity = s.capacity + cfg.maxPerSecond * dt;
  const decay = cfg.targetPerSecond * dt;
  return {
    capacity: capacity > cfg.maxCapacity ? cfg.maxCapacity : capacity,
    excess: s.excess > decay ? s.excess - decay : 0n,
    time: Math.max(s.time, nowSec),
  };
}

export class InsufficientCapacityError extends Error {}

export function consumeGas(s: GasState, gas: bigint): GasState {
  if (gas > s.capacity) throw new InsufficientCapacityError(`insufficient capacity: capacity (${s.capacity}) < gas (${gas})`);
  return { capacity: s.capacity - gas, excess: s.excess + gas, time: s.time };
}
