import { microUsdToStablecoin } from '@fiscus/core';
import type { StablecoinFaucet } from '../lib/types.ts';

/** What a local EVM devnet driver (Ethereum anvil, the L1 stand-in) offers for its own FiscusUSDC. */
interface LocalStablecoinMinter {
  faucetStablecoin(to: string, amount: bigint): Promise<string>;
}

/**
 * POST /v1/dev/faucet on a local EVM devnet: the devnet's FiscusUSDC minted by its admin key.
 * Micro-dollars convert to the token's decimals (exact at ≥ 6, the local token's 6).
 */
export function localEvmFaucet(driver: LocalStablecoinMinter, decimals: number): StablecoinFaucet {
  return {
    pay: async (address, usd) => ({ txHash: await driver.faucetStablecoin(address, microUsdToStablecoin(usd, decimals).amount) }),
  };
}
