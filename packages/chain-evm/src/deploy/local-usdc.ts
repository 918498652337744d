import { abi } from '../contracts/abi.ts';
import { fiscusArtifact } from '../contracts/artifacts.ts';
import type { EvmSettlementToken } from '../settlement/config.ts';
import type { AdminSender } from './admin-tx.ts';

/** What the devnet faucet may mint in total (stablecoin base units): far more than any test needs. */
const FAUCET_ALLOWANCE = 10n ** 18n;

/**
 * Deploys the devnet's FiscusUSDC (6 decimals; blacklist, pause, EIP-2612 permit, minters) with
 * the admin key as owner, master minter, pauser and blacklister, and the admin as faucet minter.
 * Devnets only: a real network is configured with the real USDC's address instead.
 */
export async function deployLocalUsdc(admin: AdminSender): Promise<EvmSettlementToken> {
  const address = await admin.deploy(fiscusArtifact('FiscusUSDC'), 'USD Coin (Fiscus devnet)', 'USDC', admin.address);
  await admin.call(address, abi.usdc.encodeFunctionData('configureMinter', [admin.address, FAUCET_ALLOWANCE]));
  return { address, decimals: 6, symbol: 'USDC', local: true };
}

/** The devnet faucet: mints local USDC (base units) to `to` with the minter key (the admin). */
export async function mintLocalUsdc(admin: AdminSender, token: EvmSettlementToken, to: string, amount: bigint): Promise<string> {
  const receipt = await admin.call(token.address, abi.usdc.encodeFunctionData('mint', [to, amount]));
  return receipt.hash;
}

/** The local USDC's roles a test or operator drives: blacklist / pause with the admin (blacklister, pauser). */
export async function setLocalUsdcFlag(
  admin: AdminSender,
  token: EvmSettlementToken,
  p: { blacklist?: { address: string; on: boolean }; paused?: boolean },
): Promise<void> {
  if (p.blacklist) await admin.call(token.address, abi.usdc.encodeFunctionData(p.blacklist.on ? 'blacklist' : 'unBlacklist', [p.blacklist.address]));
  if (p.paused !== undefined) await admin.call(token.address, abi.usdc.encodeFunctionData(p.paused ? 'pause' : 'unpause'));
}
