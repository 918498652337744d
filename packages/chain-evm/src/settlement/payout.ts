import type { JsonRpcProvider } from 'ethers';
import { FiscusError, microUsdToStablecoin, normalizeAddress, type ChainId, type Deployment, type PayoutOperation } from '@fiscus/core';
import { abi } from '../contracts/abi.ts';
import type { EncodedCall } from '../ops/encoded-call.ts';
import { readContract } from '../rpc/read.ts';
import { requireSettlement } from './config.ts';

// A stablecoin transfer through the treasury contract: measured ≈ 60 k on anvil; generous margin.
const PAYOUT_GAS = 150_000n;

/**
 * `payout` on an EVM chain: the fund's treasury contract (FiscusRedemption) pays `usd` in the
 * stablecoin to `to`, called by its payer (the operator key that signs engine operations).
 * Micro-dollars convert to the stablecoin's decimals with STABLECOIN_PAYOUT_ROUND_DOWN.
 */
export function encodePayout(op: PayoutOperation, chain: ChainId, details: Record<string, string>): EncodedCall & { amount: bigint } {
  const { asset, treasury } = requireSettlement({ chain, details });
  const { amount } = microUsdToStablecoin(op.usd, asset.decimals);
  if (amount <= 0n)
    throw new FiscusError('INVALID_AMOUNT', `a payout of ${op.usd} micro-dollars is less than one base unit of ${asset.symbol ?? 'the stablecoin'}`);
  const to = normalizeAddress(chain, op.to);
  return { to: treasury, data: abi.redemption.encodeFunctionData('payout', [to, amount]), fallbackGas: PAYOUT_GAS, amount };
}

/**
 * What the stablecoin would refuse, checked before anything is signed so the engine holds the
 * payout with a reason a person can act on (redirect to another wallet, wait for an unpause,
 * move liquidity) instead of burning a nonce on a revert. The chain still decides: a refusal
 * that appears between this check and the block reverts and is mapped by parseEvmError.
 */
export async function checkPayout(provider: JsonRpcProvider, d: Deployment, op: PayoutOperation): Promise<void> {
  const { asset, treasury } = requireSettlement(d);
  const { amount } = microUsdToStablecoin(op.usd, asset.decimals);
  const to = normalizeAddress(d.chain, op.to);
  const read = <T>(fn: string, args: unknown[] = []) => readContract<T>(provider, abi.usdc, asset.address, fn, args);
  // isBlacklisted / paused are FiatToken's; a stablecoin without them answers with a revert: not refused here.
  const optional = async <T>(fn: string, args: unknown[] = []) => read<T>(fn, args).catch(() => undefined);
  if ((await optional<boolean>('paused')) === true) {
    throw new FiscusError('STABLECOIN_PAUSED', `${asset.symbol ?? 'the stablecoin'} is paused by its issuer: no transfer can land`, {
      meta: { asset: asset.address },
    });
  }
  for (const [who, address] of [
    ['recipient', to],
    ['treasury', treasury],
  ] as const) {
    if ((await optional<boolean>('isBlacklisted', [address])) === true) {
      throw new FiscusError('STABLECOIN_BLACKLISTED', `the ${who} ${address} is blacklisted by the stablecoin's issuer`, {
        meta: { asset: asset.address, address, who },
      });
    }
  }
  const held = await read<bigint>('balanceOf', [treasury]);
  if (held < amount) {
    throw new FiscusError(
      'INSUFFICIENT_BALANCE',
      `the fund's treasury on ${d.chain} holds ${held} base units of ${asset.symbol ?? 'the stablecoin'}, the payout needs ${amount}`,
      {
        meta: { asset: asset.address, treasury, held: held.toString(), needed: amount.toString() },
      },
    );
  }
}
