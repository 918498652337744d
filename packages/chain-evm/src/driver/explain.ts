import type { JsonRpcProvider } from 'ethers';
import { FiscusError, type Deployment, type PolicyRule } from '@fiscus/core';
import { abi } from '../contracts/abi.ts';
import { readContract } from '../rpc/read.ts';

const policy = (rule: PolicyRule, message: string, meta: Record<string, unknown> = {}) =>
  new FiscusError('POLICY_DENIED', message, { meta: { rule, ...meta } });

/**
 * Why a holder transfer would fail on this token now, or null if it would pass. T-REX reverts
 * every refusal with the same "Transfer not possible", so after such a revert (or before
 * signing) this asks each check the token makes, in the token's own order, which one says no.
 */
export async function explainTransfer(provider: JsonRpcProvider, d: Deployment, t: { from: string; to: string; units: bigint }): Promise<FiscusError | null> {
  const x = d.details;
  const read = <T>(iface: typeof abi.token, to: string, fn: string, args: unknown[] = []) => readContract<T>(provider, iface, to, fn, args);
  const token = x.token!;
  if (await read<boolean>(abi.token, token, 'paused')) return new FiscusError('PAUSED', 'the token is paused');
  for (const w of [t.from, t.to]) {
    if (await read<boolean>(abi.token, token, 'isFrozen', [w])) return new FiscusError('FROZEN', `wallet ${w} is frozen`, { meta: { address: w } });
  }
  const free = (await read<bigint>(abi.token, token, 'balanceOf', [t.from])) - (await read<bigint>(abi.token, token, 'getFrozenTokens', [t.from]));
  if (free < t.units) return new FiscusError('INSUFFICIENT_BALANCE', `${t.from} has ${free} free units, needs ${t.units}`);
  if (!(await read<boolean>(abi.identityRegistry, x.identityRegistry!, 'isVerified', [t.to]))) {
    return new FiscusError('NOT_AUTHORIZED_ON_CHAIN', `receiver ${t.to} is not a verified identity on this token`, { meta: { address: t.to } });
  }
  const mc = x.compliance!;
  const args = [t.from, t.to, t.units, mc];
  if (!(await read<boolean>(abi.jurisdiction, x.jurisdictionModule!, 'moduleCheck', args))) {
    const country = Number(await read<bigint>(abi.identityRegistry, x.identityRegistry!, 'investorCountry', [t.to]));
    const blocked = (await read<bigint[]>(abi.jurisdiction, x.jurisdictionModule!, 'blockedCountries', [mc])).map(Number);
    return blocked.includes(country)
      ? policy('jurisdiction_blocked', `receiver's jurisdiction ${country} is blocked`, { actual: String(country) })
      : policy('jurisdiction_not_allowed', `receiver's jurisdiction ${country} is not in the allowed list`, { actual: String(country) });
  }
  if (!(await read<boolean>(abi.holdings, x.holdingsModule!, 'moduleCheck', args))) {
    const [maxBalance] = await read<bigint[]>(abi.holdings, x.holdingsModule!, 'limits', [mc]);
    const identity = await read<string>(abi.identityRegistry, x.identityRegistry!, 'identity', [t.to]);
    const held = await read<bigint>(abi.holdings, x.holdingsModule!, 'positionOf', [mc, identity]);
    return maxBalance !== 0n && held + t.units > maxBalance!
      ? policy('max_holding', `holding would be ${held + t.units} > max ${maxBalance}`, { limit: String(maxBalance), actual: String(held + t.units) })
      : policy('max_holders', 'the receiver would be a new holder beyond the maximum');
  }
  if (!(await read<boolean>(abi.lockup, x.lockupModule!, 'moduleCheck', args))) {
    const [locked, until] = await read<bigint[]>(abi.lockup, x.lockupModule!, 'lockedOf', [mc, t.from]);
    return policy('lockup', `${locked} subscribed units are locked up until ${new Date(Number(until) * 1000).toISOString()}`);
  }
  return null;
}
