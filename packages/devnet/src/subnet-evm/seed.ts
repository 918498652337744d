import { anvilRpc } from '../anvil/rpc.ts';
import { TX_ALLOW_LIST, type SubnetEvmGenesisLike } from './precompiles.ts';

/**
 * Writes a genesis `alloc` into a running anvil (balances, storage, then code), unless the chain
 * already has it. Code goes LAST and the TxAllowList stand-in's code is the "seeded" marker: a
 * process killed mid-way leaves no code there, and the next start seeds again (nothing else can
 * have happened: the gate only opens after seeding).
 */
export async function seedGenesisState(url: string, genesis: SubnetEvmGenesisLike): Promise<void> {
  const marker = genesis.alloc[TX_ALLOW_LIST.slice(2)] ? TX_ALLOW_LIST : undefined;
  if (marker && (await anvilRpc<string>(url, 'eth_getCode', [marker, 'latest'])) !== '0x') return;
  const entries = Object.entries(genesis.alloc).map(([k, v]) => [`0x${k.replace(/^0x/, '')}`, v] as const);
  for (const [address, acct] of entries) {
    await anvilRpc(url, 'anvil_setBalance', [address, acct.balance]);
    if (acct.nonce) await anvilRpc(url, 'anvil_setNonce', [address, acct.nonce]);
    for (const [slot, value] of Object.entries(acct.storage ?? {})) await anvilRpc(url, 'anvil_setStorageAt', [address, slot, value]);
  }
  const withCode = entries
    .filter(([, a]) => a.code)
    .sort(([a], [b]) => (a.toLowerCase() === marker?.toLowerCase() ? 1 : b.toLowerCase() === marker?.toLowerCase() ? -1 : 0));
  for (const [address, acct] of withCode) await anvilRpc(url, 'anvil_setCode', [address, acct.code]);
}
