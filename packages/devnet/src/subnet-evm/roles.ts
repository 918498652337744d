import { anvilRpc } from '../anvil/rpc.ts';

/** A role read straight from a list's storage (slot = address left-padded, precompile/allowlist). */
export async function readRole(url: string, list: string, address: string): Promise<bigint> {
  return BigInt(await anvilRpc<string>(url, 'eth_getStorageAt', [list, `0x${address.toLowerCase().replace(/^0x/, '').padStart(64, '0')}`, 'latest']));
}
