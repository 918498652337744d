import type { ChainDriver, Deployment } from '@fiscus/core';

/** balanceOf calls in flight at once for drivers without a batched read. */
const CONCURRENCY = 16;

/** Balances of `addresses` in order: the driver's batched read, else bounded concurrent balanceOf. */
export async function readBalances(driver: ChainDriver, deployment: Deployment, addresses: string[]): Promise<bigint[]> {
  if (addresses.length === 0) return [];
  if (driver.balancesOf) return driver.balancesOf(deployment, addresses);
  const out: bigint[] = new Array(addresses.length);
  let next = 0;
  const lane = async () => {
    while (next < addresses.length) {
      const i = next++;
      out[i] = await driver.balanceOf(deployment, addresses[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, addresses.length) }, lane));
  return out;
}
