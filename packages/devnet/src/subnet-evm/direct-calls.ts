import { Interface, ZeroAddress, getAddress } from 'ethers';
import { loadStandIns } from './compile.ts';
import { cannotMint, cannotModifyAllowList } from './messages.ts';
import { NATIVE_MINTER, ROLE } from './precompiles.ts';
import { readRole } from './roles.ts';

/**
 * The error a real precompile gives an eth_call / eth_estimateGas made STRAIGHT to it (the RPC
 * returns the precompile's error text: internal/ethapi DoCall, eth/gasestimator). The Solidity
 * stand-ins cannot: like the real precompile they fail with no data and all gas consumed
 * (INVALID), which is what a calling contract sees, so the gate supplies the text here.
 */

const nm = new Interface(loadStandIns().contracts.NativeMinterStandIn.abi as never);
const SETTERS = new Map<string, bigint>([
  [nm.getFunction('setAdmin')!.selector, ROLE.Admin],
  [nm.getFunction('setEnabled')!.selector, ROLE.Enabled],
  [nm.getFunction('setManager')!.selector, ROLE.Manager],
  [nm.getFunction('setNone')!.selector, ROLE.None],
]);
const MINT = nm.getFunction('mintNativeCoin')!.selector;

/** precompile/allowlist/role.go Role.CanModify. */
export function canModify(caller: bigint, from: bigint, to: bigint): boolean {
  if (caller === ROLE.Admin) return true;
  const low = (r: bigint) => r === ROLE.None || r === ROLE.Enabled;
  return caller === ROLE.Manager && low(from) && low(to);
}

export async function directCallRefusal(upstream: string, precompile: string, call: { from?: string; data?: string; input?: string }): Promise<string | null> {
  const data = (call.data ?? call.input ?? '0x').toLowerCase();
  const selector = data.slice(0, 10);
  const caller = call.from ? getAddress(call.from) : ZeroAddress;
  const target = SETTERS.get(selector);
  if (target !== undefined && data.length >= 74) {
    const modify = getAddress(`0x${data.slice(34, 74)}`);
    const [callerRole, fromRole] = await Promise.all([readRole(upstream, precompile, caller), readRole(upstream, precompile, modify)]);
    return canModify(callerRole, fromRole, target) ? null : cannotModifyAllowList(caller, fromRole, target);
  }
  if (selector === MINT && precompile.toLowerCase() === NATIVE_MINTER.toLowerCase()) {
    return (await readRole(upstream, precompile, caller)) === ROLE.None ? cannotMint(caller) : null;
  }
  return null;
}
