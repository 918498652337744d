import type { Deployment, Policy } from '@fiscus/core';
import { abi } from '../contracts/abi.ts';
import { readContract } from '../rpc/read.ts';
import type { AdminSender } from './admin-tx.ts';
import { moduleSetterCalls, moduleSettings } from './policy.ts';

/** Policy update: only the modules whose settings changed get a transaction. */
export async function applyPolicy(admin: AdminSender, details: Deployment['details'], policy: Policy): Promise<number> {
  const want = moduleSettings(policy);
  const calls = moduleSetterCalls(want);
  const p = admin.provider;
  const mc = details.compliance!;
  const [allowed, blocked, limits, lockup] = await Promise.all([
    readContract<bigint[]>(p, abi.jurisdiction, details.jurisdictionModule!, 'allowedCountries', [mc]),
    readContract<bigint[]>(p, abi.jurisdiction, details.jurisdictionModule!, 'blockedCountries', [mc]),
    readContract<bigint[]>(p, abi.holdings, details.holdingsModule!, 'limits', [mc]),
    readContract<bigint>(p, abi.lockup, details.lockupModule!, 'lockupSeconds', [mc]),
  ]);
  const same = (a: bigint[], b: number[]) => a.length === b.length && a.every((x, i) => Number(x) === b[i]);
  const todo: [string, string][] = [];
  // setJurisdictions stores the lists in the (sorted) order moduleSettings produced them.
  if (!same(allowed, want.allowed) || !same(blocked, want.blocked)) todo.push([details.jurisdictionModule!, calls.jurisdiction]);
  if (limits[0] !== want.maxBalance || limits[1] !== want.maxHolders) todo.push([details.holdingsModule!, calls.holdings]);
  if (lockup !== want.lockupSeconds) todo.push([details.lockupModule!, calls.lockup]);
  for (const [module, call] of todo) await admin.call(mc, abi.compliance.encodeFunctionData('callModuleFunction', [call, module]));
  return todo.length;
}
